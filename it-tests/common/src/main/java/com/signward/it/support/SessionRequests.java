package com.signward.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Helpers of the session tests (CSRF, lifetime, back-channel logout): unsafe requests with chosen
 * {@code Origin} / {@code Sec-Fetch-Site} headers and the session cookie of a {@link Browser}, logout tokens signed
 * with the provider's own key, and what the provider's back channel would POST.
 */
public final class SessionRequests {

    /** The back-channel logout event of a logout token. */
    public static final String BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    /** The session cookie's name on every runtime of the tests. */
    public static final String SESSION_COOKIE = "JSESSIONID";

    private static final HttpClient SERVER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private SessionRequests() {
    }

    /** The origin ({@code scheme://host:port}) of a URL. */
    public static String origin(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    /**
     * A JSON call with {@code method}, an empty body and the browser's session cookie (when it has one);
     * {@code headers} are name/value pairs.
     */
    public static Response call(Browser browser, String method, URI url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody());
        browser.cookie(url, SESSION_COOKIE).ifPresent(id -> request.header("Cookie", SESSION_COOKIE + "=" + id));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** A logout token for the test client, signed with the provider's key; {@code sid} may be {@code null}. */
    public static String logoutToken(String sub, String sid) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(MockIdp.get().authority());
        claims.setAudience(Deployments.WEB_CLIENT_ID);
        claims.setIssuedAtToNow();
        claims.setJwtId(UUID.randomUUID().toString());
        if (sub != null) {
            claims.setSubject(sub);
        }
        if (sid != null) {
            claims.setClaim("sid", sid);
        }
        claims.setClaim("events", Map.of(BACKCHANNEL_EVENT, Map.of()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(MockIdp.get().signingKey());
        jws.setKeyIdHeaderValue(MockIdp.get().keyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "logout+jwt");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What Signward's back channel sends: a form POST without cookies, Origin or Accept: text/html. */
    public static Response backchannelPost(URI url, String logoutToken) {
        String body = "logout_token=" + java.net.URLEncoder.encode(logoutToken, java.nio.charset.StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = SERVER.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer to the back channel. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        /** The first value of a header (case-insensitive name). */
        public java.util.Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public String describe() {
            return status + " " + headers + " " + body;
        }
    }
}
