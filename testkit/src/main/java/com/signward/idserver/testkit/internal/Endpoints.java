package com.signward.idserver.testkit.internal;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The JDK HTTP server on 127.0.0.1 and a free port, with one handler per endpoint. */
public final class Endpoints {

    private Endpoints() {
    }

    /** Binds the server (port 0: a free one); {@link #start} adds the handlers once the issuer is known. */
    public static HttpServer bind() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    }

    /** Adds the handlers and starts; returns the executor to shut down with the server. */
    public static ExecutorService start(HttpServer server, Provider provider) {
        server.createContext(Provider.DISCOVERY, new DiscoveryEndpoint(provider));
        server.createContext(Provider.JWKS, new JwksEndpoint(provider));
        server.createContext(Provider.AUTHORIZE, new AuthorizeEndpoint(provider));
        server.createContext(Provider.TOKEN, new TokenEndpoint(provider));
        server.createContext(Provider.USERINFO, new UserInfoEndpoint(provider));
        server.createContext(Provider.REVOKE, new RevokeEndpoint(provider));
        server.createContext(Provider.INTROSPECT, new IntrospectEndpoint(provider));
        server.createContext(Provider.END_SESSION, new EndSessionEndpoint(provider));
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-signward");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return executor;
    }
}
