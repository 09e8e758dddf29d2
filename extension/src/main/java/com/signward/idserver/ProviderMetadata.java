package com.signward.idserver;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The parts of the discovery document the client uses, checked: the issuer matches, every endpoint
 * is an absolute http(s) URL (https unless on a loopback host), absent endpoints fall back to
 * Signward's {@code /connect/*} paths under the authority.
 */
record ProviderMetadata(JsonObject document, String issuer, URI authorizationEndpoint, URI tokenEndpoint,
                        URI userinfoEndpoint, URI revocationEndpoint, URI endSessionEndpoint, URI jwksUri,
                        boolean clientSecretBasic) {

    /** @throws DiscoveryException when the document cannot be trusted */
    static ProviderMetadata parse(JsonObject doc, SignwardOptions options) {
        String issuer = JsonBodies.string(doc, "issuer");
        if (issuer == null || issuer.isBlank()) {
            throw new DiscoveryException("the discovery document has no issuer");
        }
        String expected = options.issuer() != null ? options.issuer() : options.authority();
        if (!Urls.sameIssuer(issuer, expected)) {
            throw new DiscoveryException("issuer mismatch: the discovery document names '" + issuer
                    + "' but '" + expected + "' is expected");
        }
        String base = options.authority();
        return new ProviderMetadata(doc, issuer,
                endpoint(doc, "authorization_endpoint", base + "/connect/authorize"),
                endpoint(doc, "token_endpoint", base + "/connect/token"),
                endpoint(doc, "userinfo_endpoint", base + "/connect/userinfo"),
                endpoint(doc, "revocation_endpoint", base + "/connect/revoke"),
                endpoint(doc, "end_session_endpoint", base + "/connect/endsession"),
                endpoint(doc, "jwks_uri", base + "/.well-known/jwks.json"),
                lists(doc, "token_endpoint_auth_methods_supported", "client_secret_basic"));
    }

    private static URI endpoint(JsonObject doc, String name, String fallback) {
        JsonValue value = doc.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return URI.create(fallback);
        }
        if (!(value instanceof JsonString s)) {
            throw new DiscoveryException("the discovery document's " + name + " is not a string");
        }
        try {
            URI uri = new URI(s.getString());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean secure = scheme.equals("https") || scheme.equals("http") && uri.getHost() != null
                    && Urls.isLoopback(uri.getHost());
            if (!secure || uri.getHost() == null) {
                throw new DiscoveryException("the discovery document's " + name
                        + " must be an absolute https URL (http only on loopback hosts): " + uri);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new DiscoveryException("the discovery document's " + name + " is not a valid URL");
        }
    }

    private static boolean lists(JsonObject doc, String name, String wanted) {
        JsonValue value = doc.get(name);
        if (value instanceof JsonArray array) {
            for (JsonValue element : array) {
                if (element instanceof JsonString s && s.getString().equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }
}
