package com.signward.idserver.internal.oidc;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The discovery document, parsed and checked once: the issuer matches; every endpoint is an absolute http(s) URL
 * (https unless on a loopback host); absent endpoints fall back to Signward's {@code /connect/*} paths under the
 * authority, except the revocation endpoint, which is {@code null} when not announced.
 *
 * @param document                  the document as received (for {@code SignwardClient.discovery()})
 * @param revocationEndpoint        the RFC 7009 endpoint, or {@code null} when the provider announces none
 * @param clientSecretBasic         whether {@code client_secret_basic} is listed
 * @param issParameterSupported     RFC 9207 {@code authorization_response_iss_parameter_supported}
 */
public record ProviderMetadata(JsonObject document, String issuer, URI authorizationEndpoint, URI tokenEndpoint,
                               URI userinfoEndpoint, URI revocationEndpoint, URI endSessionEndpoint, URI jwksUri,
                               boolean clientSecretBasic, boolean issParameterSupported) {

    /** @throws ProviderException of kind DISCOVERY when the document cannot be trusted */
    static ProviderMetadata parse(JsonObject doc, OidcConfig options) {
        String issuer = JsonBodies.string(doc, "issuer");
        if (issuer == null || issuer.isBlank()) {
            throw ProviderException.discovery("the discovery document has no issuer", null);
        }
        String expected = options.expectedIssuer();
        if (!Urls.sameIssuer(issuer, expected)) {
            throw ProviderException.discovery("issuer mismatch: the discovery document names '" + issuer
                    + "' but '" + expected + "' is expected", null);
        }
        String base = options.authority();
        return new ProviderMetadata(doc, issuer,
                endpoint(doc, "authorization_endpoint", base + "/connect/authorize"),
                endpoint(doc, "token_endpoint", base + "/connect/token"),
                endpoint(doc, "userinfo_endpoint", base + "/connect/userinfo"),
                endpoint(doc, "revocation_endpoint", null),
                endpoint(doc, "end_session_endpoint", base + "/connect/endsession"),
                endpoint(doc, "jwks_uri", base + "/.well-known/jwks.json"),
                lists(doc, "token_endpoint_auth_methods_supported", "client_secret_basic"),
                doc.get("authorization_response_iss_parameter_supported") == JsonValue.TRUE);
    }

    /** @return the revocation endpoint, or Signward's {@code /connect/revoke} when none is announced */
    URI revocationEndpointOrDefault(OidcConfig options) {
        return revocationEndpoint != null ? revocationEndpoint : URI.create(options.authority() + "/connect/revoke");
    }

    /**
     * @return the RFC 7662 endpoint the document announces, or Signward's {@code /connect/introspect}
     * @throws ProviderException of kind DISCOVERY when the announced value is not a fit URL
     */
    URI introspectionEndpointOrDefault(OidcConfig options) {
        return endpoint(document, "introspection_endpoint", options.authority() + "/connect/introspect");
    }

    private static URI endpoint(JsonObject doc, String name, String fallback) {
        JsonValue value = doc.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return fallback == null ? null : URI.create(fallback);
        }
        if (!(value instanceof JsonString s)) {
            throw ProviderException.discovery("the discovery document's " + name + " is not a string", null);
        }
        try {
            URI uri = new URI(s.getString());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean secure = scheme.equals("https") || scheme.equals("http") && uri.getHost() != null
                    && Urls.isLoopback(uri.getHost());
            if (!secure || uri.getHost() == null) {
                throw ProviderException.discovery("the discovery document's " + name
                        + " must be an absolute https URL (http only on loopback hosts): " + uri, null);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw ProviderException.discovery("the discovery document's " + name + " is not a valid URL", null);
        }
    }

    private static boolean lists(JsonObject doc, String name, String wanted) {
        if (doc.get(name) instanceof JsonArray array) {
            for (JsonValue element : array) {
                if (element instanceof JsonString s && s.getString().equals(wanted)) {
                    return true;
                }
            }
        }
        return false;
    }
}
