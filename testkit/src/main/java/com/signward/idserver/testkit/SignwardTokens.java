package com.signward.idserver.testkit;

import com.signward.idserver.testkit.internal.Claims;
import com.signward.idserver.testkit.internal.KeyRing;
import com.signward.idserver.testkit.internal.Provider;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;

import java.security.Key;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.HashSet;

/**
 * Signward-shaped access tokens signed by a {@link FakeSignward} (RS256, its current key): issuer, audience
 * ({@code idserver-api} unless changed), {@code sub}, {@code email}, names, {@code tenant_id}, {@code roles},
 * {@code custom_roles} and any claim. The attack shapes ({@link #expired()}, {@link #wrongAudience()},
 * {@link #algNone()}, {@link #hs256WithPublicKey()}, …) each break exactly one rule, so that a test proves its
 * application rejects them. Immutable: every method returns a changed copy; {@link #sign()} makes the token.
 */
public final class SignwardTokens {

    private enum Signing { PROVIDER, NONE, HS256_PUBLIC_KEY, UNKNOWN_KID, FOREIGN_KEY }

    private final Provider provider;
    private final FakeUser user;
    private final String audience;
    private final String issuer;
    private final String clientId;
    private final String typ;
    private final Duration lifetime;
    private final Duration shift;
    private final Signing signing;
    private final Map<String, Object> extra;
    private final Set<String> removed;

    SignwardTokens(Provider provider) {
        this(provider, FakeUser.named("user"), null, null, null, "at+jwt", Duration.ofHours(1), Duration.ZERO,
                Signing.PROVIDER, Map.of(), Set.of());
    }

    private SignwardTokens(Provider provider, FakeUser user, String audience, String issuer, String clientId,
                           String typ, Duration lifetime, Duration shift, Signing signing, Map<String, Object> extra,
                           Set<String> removed) {
        this.provider = provider;
        this.user = user;
        this.audience = audience;
        this.issuer = issuer;
        this.clientId = clientId;
        this.typ = typ;
        this.lifetime = lifetime;
        this.shift = shift;
        this.signing = signing;
        this.extra = Map.copyOf(extra);
        this.removed = Set.copyOf(removed);
    }

    private SignwardTokens with(FakeUser u, String aud, String iss, String client, String t, Duration life,
                                Duration s, Signing sig, Map<String, Object> more, Set<String> less) {
        return new SignwardTokens(provider, u, aud, iss, client, t, life, s, sig, more, less);
    }

    /** For this user (default: a fresh user "user" with role {@code user}). */
    public SignwardTokens user(FakeUser value) {
        return with(Objects.requireNonNull(value), audience, issuer, clientId, typ, lifetime, shift, signing, extra,
                removed);
    }

    /** With a further claim (replaces the user's claim of that name). */
    public SignwardTokens claim(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(name, value);
        Set<String> less = new HashSet<>(removed);
        less.remove(name);
        return with(user, audience, issuer, clientId, typ, lifetime, shift, signing, more, less);
    }

    /** Without a claim (e.g. {@code exp} or {@code sub}). */
    public SignwardTokens without(String claim) {
        Set<String> less = new HashSet<>(removed);
        less.add(claim);
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.remove(claim);
        return with(user, audience, issuer, clientId, typ, lifetime, shift, signing, more, less);
    }

    /** Another {@code aud}. */
    public SignwardTokens audience(String value) {
        return with(user, value, issuer, clientId, typ, lifetime, shift, signing, extra, removed);
    }

    /** Another {@code iss}. */
    public SignwardTokens issuer(String value) {
        return with(user, audience, value, clientId, typ, lifetime, shift, signing, extra, removed);
    }

    /** The client the token was issued to ({@code client_id} and {@code azp}); none by default. */
    public SignwardTokens clientId(String value) {
        return with(user, audience, issuer, value, typ, lifetime, shift, signing, extra, removed);
    }

    /** The {@code typ} header (default {@code at+jwt}; {@code null}: none). */
    public SignwardTokens typ(String value) {
        return with(user, audience, issuer, clientId, value, lifetime, shift, signing, extra, removed);
    }

    /** The lifetime from {@code iat} to {@code exp} (default one hour). */
    public SignwardTokens lifetime(Duration value) {
        return with(user, audience, issuer, clientId, typ, value, shift, signing, extra, removed);
    }

    /** Issued {@code value} from now ({@code iat} and {@code nbf}; negative: in the past). */
    public SignwardTokens issuedIn(Duration value) {
        return with(user, audience, issuer, clientId, typ, lifetime, value, signing, extra, removed);
    }

    // --- attack shapes ---------------------------------------------------------------------------------

    /** Expired an hour ago (far beyond any clock skew). */
    public SignwardTokens expired() {
        return issuedIn(lifetime.plusHours(1).negated());
    }

    /** Valid only from an hour from now ({@code iat} and {@code nbf} in the future). */
    public SignwardTokens notYetValid() {
        return issuedIn(Duration.ofHours(1));
    }

    /** For another API ({@code aud} is {@code some-other-api}). */
    public SignwardTokens wrongAudience() {
        return audience("some-other-api");
    }

    /** From another issuer, signed with the right key. */
    public SignwardTokens wrongIssuer() {
        return issuer(provider.issuer() + "-evil");
    }

    /** Signed by a key the provider does not publish, under a {@code kid} the JWKS does not have. */
    public SignwardTokens unknownKid() {
        return signing(Signing.UNKNOWN_KID);
    }

    /** Signed by another key under the provider's current {@code kid} (a bad signature). */
    public SignwardTokens badSignature() {
        return signing(Signing.FOREIGN_KEY);
    }

    /** {@code alg: none}, no signature. */
    public SignwardTokens algNone() {
        return signing(Signing.NONE);
    }

    /** HS256 with the provider's public key (X.509 encoding) as the HMAC secret: the key-confusion attack. */
    public SignwardTokens hs256WithPublicKey() {
        return signing(Signing.HS256_PUBLIC_KEY);
    }

    /** Without {@code exp}. */
    public SignwardTokens withoutExpiry() {
        return without("exp");
    }

    /**
     * The shape of a back-channel logout token ({@code events}, {@code sid}, no {@code typ}) with the API
     * audience: never an access token.
     */
    public SignwardTokens logoutTokenShape() {
        return typ(null).claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()))
                .claim("sid", "session-1");
    }

    /** Not a JWT at all. */
    public static String malformed() {
        return "this-is-not-a-jwt";
    }

    /** Three segments that do not decode. */
    public static String garbageSegments() {
        return "eyJhbGciOiJSUzI1NiJ9.%%%not-base64%%%.c2lnbmF0dXJl";
    }

    private SignwardTokens signing(Signing value) {
        return with(user, audience, issuer, clientId, typ, lifetime, shift, value, extra, removed);
    }

    // --- the token -------------------------------------------------------------------------------------

    private JwtClaims claims() {
        JwtClaims claims = Claims.access(issuer == null ? provider.issuer() : issuer,
                audience == null ? provider.audience() : audience, user.claims(), clientId, null, lifetime, shift);
        extra.forEach(claims::setClaim);
        removed.forEach(claims::unsetClaim);
        return claims;
    }

    /**
     * An opaque access token (a random reference, not a JWT) with these claims: the provider's introspection
     * endpoint answers them ({@code active: true}) until it expires or is revoked.
     */
    public String opaque() {
        return provider.issueOpaque(claims());
    }

    /** The signed token (compact JWS). */
    public String sign() {
        String payload = claims().toJson();
        var key = provider.keys().current();
        return switch (signing) {
            case PROVIDER -> KeyRing.sign(payload, AlgorithmIdentifiers.RSA_USING_SHA256, key.getPrivateKey(),
                    key.getKeyId(), typ);
            case NONE -> KeyRing.sign(payload, AlgorithmIdentifiers.NONE, null, key.getKeyId(), typ);
            case HS256_PUBLIC_KEY -> KeyRing.sign(payload, AlgorithmIdentifiers.HMAC_SHA256,
                    new HmacKey(key.getPublicKey().getEncoded()), key.getKeyId(), typ);
            case UNKNOWN_KID -> foreign(payload, KeyRing.generate().getKeyId());
            case FOREIGN_KEY -> foreign(payload, key.getKeyId());
        };
    }

    /** {@code "Bearer " + sign()}: the value of an {@code Authorization} header. */
    public String bearer() {
        return "Bearer " + sign();
    }

    private String foreign(String payload, String kid) {
        Key other = KeyRing.generate().getPrivateKey();
        return KeyRing.sign(payload, AlgorithmIdentifiers.RSA_USING_SHA256, other, kid, typ);
    }
}
