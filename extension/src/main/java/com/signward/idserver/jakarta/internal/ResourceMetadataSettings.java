package com.signward.idserver.jakarta.internal;

import com.signward.idserver.web.RedirectUris;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728), present when {@code signward.resource-metadata.enabled=true}:
 * the document served at {@value #PATH} under the application's context root, and its absolute URL for the
 * {@code resource_metadata} parameter of 401 challenges.
 *
 * @param resource      {@code signward.resource-metadata.resource}, or empty: the application's base URL
 * @param scopes        {@code signward.resource-metadata.scopes} ({@code scopes_supported}), possibly empty
 * @param publicBaseUrl {@code signward.public-base-url}, or empty: the request's scheme, host and port
 */
record ResourceMetadataSettings(Optional<URI> resource, List<String> scopes, Optional<URI> publicBaseUrl) {

    /** The document's path within the application. */
    static final String PATH = "/.well-known/oauth-protected-resource";

    ResourceMetadataSettings {
        scopes = List.copyOf(scopes);
    }

    /** @throws ConfigException naming the key of a bad value */
    static Optional<ResourceMetadataSettings> read(Function<String, Optional<String>> lookup) {
        ConfigValues values = new ConfigValues(lookup);
        if (!values.boolWithDefault(ConfigKey.RESOURCE_METADATA_ENABLED)) {
            return Optional.empty();
        }
        return Optional.of(new ResourceMetadataSettings(url(values, ConfigKey.RESOURCE_METADATA_RESOURCE),
                values.list(ConfigKey.RESOURCE_METADATA_SCOPES).orElse(List.of()),
                url(values, ConfigKey.PUBLIC_BASE_URL)));
    }

    private static Optional<URI> url(ConfigValues values, ConfigKey key) {
        try {
            return values.uri(key).map(RedirectUris::checkBaseUrl);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, "must be an absolute http(s) URL without query, fragment or user info");
        }
    }

    /** @return the absolute URL of the document for this request, or {@code null} when its host is unusable */
    String documentUrl(HttpServletRequest request) {
        return applicationUrl(request, PATH);
    }

    /**
     * The document: {@code resource}, {@code authorization_servers} (the issuer), {@code bearer_methods_supported}
     * ({@code header}: the only one read), {@code scopes_supported} when configured.
     *
     * @return the JSON text, or {@code null} when the request's host is unusable and no resource is configured
     */
    String document(HttpServletRequest request, String issuer) {
        String id = resource.map(URI::toString).orElseGet(() -> applicationUrl(request, ""));
        return id == null ? null : document(id, issuer);
    }

    /** The document for a resource identifier. */
    String document(String id, String issuer) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("resource", id)
                .add("authorization_servers", Json.createArrayBuilder().add(issuer))
                .add("bearer_methods_supported", Json.createArrayBuilder().add("header"));
        if (!scopes.isEmpty()) {
            JsonArrayBuilder supported = Json.createArrayBuilder();
            scopes.forEach(supported::add);
            json.add("scopes_supported", supported);
        }
        return json.build().toString();
    }

    private String applicationUrl(HttpServletRequest request, String path) {
        return RedirectUris.absoluteUrl(publicBaseUrl, request.getScheme(), request.getServerName(),
                request.getServerPort(), request.getContextPath(), path).orElse(null);
    }
}
