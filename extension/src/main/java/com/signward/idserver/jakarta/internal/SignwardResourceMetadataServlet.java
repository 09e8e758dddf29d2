package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardOptions;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /.well-known/oauth-protected-resource} (RFC 9728), registered by {@link SignwardServletInitializer}
 * when {@code signward.resource-metadata.enabled=true}: the {@link ResourceMetadataSettings#document} as
 * {@code application/json}, cacheable for an hour. A request whose host cannot be used (and no configured
 * resource) gets 400.
 */
public class SignwardResourceMetadataServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private transient volatile SignwardExtension extension;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SignwardExtension current = extension();
        SignwardOptions options = current.deployment().options();
        String issuer = options.issuer() != null ? options.issuer() : options.authority();
        String json = current.resourceMetadata().map(settings -> settings.document(request, issuer)).orElse(null);
        if (json == null) {
            json = Challenge.body("invalid_request", "unusable Host header");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setHeader("Cache-Control", "no-store");
        } else {
            response.setHeader("Cache-Control", "public, max-age=3600");
        }
        response.setContentType("application/json");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private SignwardExtension extension() {
        SignwardExtension current = extension;
        if (current == null) {
            current = CDI.current().select(SignwardExtension.class).get();
            extension = current;
        }
        return current;
    }
}
