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
    public static HttpServer bind(int port) throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    }

    /** Adds the handlers and starts; returns the executor to shut down with the server. */
    public static ExecutorService start(HttpServer server, Provider provider, String basePath) {
        server.createContext(basePath + Provider.DISCOVERY, new DiscoveryEndpoint(provider, basePath));
        server.createContext(basePath + Provider.JWKS, new JwksEndpoint(provider, basePath));
        server.createContext(basePath + Provider.AUTHORIZE, new AuthorizeEndpoint(provider, basePath));
        server.createContext(basePath + Provider.TOKEN, new TokenEndpoint(provider, basePath));
        server.createContext(basePath + Provider.USERINFO, new UserInfoEndpoint(provider, basePath));
        server.createContext(basePath + Provider.REVOKE, new RevokeEndpoint(provider, basePath));
        server.createContext(basePath + Provider.INTROSPECT, new IntrospectEndpoint(provider, basePath));
        server.createContext(basePath + Provider.END_SESSION, new EndSessionEndpoint(provider, basePath));
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
