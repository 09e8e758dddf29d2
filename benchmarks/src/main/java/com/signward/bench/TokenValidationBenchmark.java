package com.signward.bench;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardOptions;
import com.signward.idserver.SignwardUser;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Token validation throughput, one algorithm per parameter value, six ways over the same token and key:
 * <ol>
 *   <li>{@link #jcaVerify}: bare JCA {@code Signature.verify} of the token's signing input (the floor);</li>
 *   <li>{@link #smallryeVerify}: smallrye-jwt {@code DefaultJWTParser.verify(token, publicKey)}, key in hand;</li>
 *   <li>{@link #jose4jVerify}: jose4j {@code JwtConsumer} (key in hand, algorithm pinned, iss/aud, exp and iat
 *       required);</li>
 *   <li>{@link #nimbusVerify}: nimbus-jose-jwt {@code SignedJWT.parse}, {@code RSASSAVerifier}/{@code ECDSAVerifier},
 *       {@code DefaultJWTClaimsVerifier} (iss exact, aud, exp and iat required);</li>
 *   <li>{@link #signwardMiss}: {@code SignwardClient.validateToken} with {@code tokenCacheSize(0)}: no cache, every
 *       call a full verification and mapping;</li>
 *   <li>{@link #signwardCachedMiss}: {@code validateToken} with the cache on but every token new to it (a one-entry
 *       cache and two tokens in turn): the full verification plus the cache key (SHA-256) and the put;</li>
 *   <li>{@link #signwardHit}: {@code validateToken} with the default cache on the repeated token (a hit).</li>
 * </ol>
 * The provider (discovery + JWKS) is an in-process HTTP server on loopback; each client fetches from it once in
 * setup, never during measurement (JWKS max-age is 24 h). The peers get the public key directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenValidationBenchmark {
    @Param({"RS256", "ES256"})
    public String alg;

    private LoopbackProvider provider;
    private SignwardClient hitClient;
    private SignwardClient missClient;
    private SignwardClient evictingClient;
    private String otherToken;
    private boolean flip;
    private DefaultJWTParser smallrye;
    private JwtConsumer jose4j;
    private JWSAlgorithm nimbusAlg;
    private JWSVerifier nimbusVerifier;
    private JWTClaimsSetVerifier<?> nimbusClaims;
    private PublicKey publicKey;
    private String token;
    byte[] signingInput;
    byte[] signature;

    /** Per-thread state: the JCA verifier. */
    @State(Scope.Thread)
    public static class PerThread {
        Signature verifier;

        @Setup(Level.Trial)
        public void setUp(TokenValidationBenchmark bench) throws Exception {
            verifier = Signature.getInstance(jcaAlgorithm(bench.alg));
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        PublicJsonWebKey key = BenchTokens.key(alg, "bench-" + alg);
        publicKey = key.getPublicKey();
        provider = new LoopbackProvider(0, key);
        String issuer = provider.issuer();
        token = BenchTokens.mint(key, issuer, UUID.randomUUID(), 3600);
        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));

        hitClient = new SignwardClient(SignwardOptions.builder().authority(issuer).clientId("bench").build());
        missClient = new SignwardClient(SignwardOptions.builder().authority(issuer).clientId("bench")
                .tokenCacheSize(0).build());
        hitClient.validateToken(token);
        missClient.validateToken(token);
        // a one-entry cache and two tokens taken in turn: every call misses and pays the cache key and the put
        otherToken = BenchTokens.mint(key, issuer, UUID.randomUUID(), 3600);
        evictingClient = new SignwardClient(SignwardOptions.builder().authority(issuer).clientId("bench")
                .tokenCacheSize(1).build());
        evictingClient.validateToken(token);

        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setIssuedBy(issuer);
        context.setExpectedAudience(Set.of(BenchTokens.AUDIENCE));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.fromAlgorithm(alg)));
        smallrye = new DefaultJWTParser(context);

        jose4j = new JwtConsumerBuilder()
                .setVerificationKey(publicKey)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg)
                .setExpectedIssuer(issuer)
                .setExpectedAudience(BenchTokens.AUDIENCE)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .build();

        nimbusAlg = JWSAlgorithm.parse(alg);
        nimbusVerifier = switch (alg) {
            case "RS256" -> new RSASSAVerifier((RSAPublicKey) publicKey);
            case "ES256" -> new ECDSAVerifier((ECPublicKey) publicKey);
            default -> throw new IllegalArgumentException(alg);
        };
        nimbusClaims = new DefaultJWTClaimsVerifier<>(BenchTokens.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "iat"));

        check(); // every way accepts the token before anything is measured
    }

    private void check() throws Exception {
        Signature verifier = Signature.getInstance(jcaAlgorithm(alg));
        verifier.initVerify(publicKey);
        verifier.update(signingInput);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException("JCA rejects the token");
        }
        String subject = smallrye.verify(token, publicKey).getSubject();
        if (!subject.equals(hitClient.validateToken(token).userId().toString())
                || !subject.equals(missClient.validateToken(token).userId().toString())
                || !subject.equals(jose4jVerify().getSubject())
                || !subject.equals(nimbusVerify().getSubject())) {
            throw new IllegalStateException("the ways disagree on the subject");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (provider.jwksHits() != 3 || provider.discoveryHits() != 3) { // one fetch of each per client, in setup
            throw new IllegalStateException("the provider was called during measurement: jwks "
                    + provider.jwksHits() + ", discovery " + provider.discoveryHits());
        }
        hitClient.close();
        missClient.close();
        evictingClient.close();
        provider.close();
    }

    static String jcaAlgorithm(String alg) {
        return switch (alg) {
            case "RS256" -> "SHA256withRSA";
            case "ES256" -> "SHA256withECDSAinP1363Format"; // JWS carries R||S, not DER
            default -> throw new IllegalArgumentException(alg);
        };
    }

    /** (1) the floor: the signature check alone, input already decoded. */
    @Benchmark
    public boolean jcaVerify(PerThread state) throws Exception {
        Signature verifier = state.verifier;
        verifier.initVerify(publicKey);
        verifier.update(signingInput);
        return verifier.verify(signature);
    }

    /** (2) smallrye-jwt with the key in hand: parse, verify, claims (issuer, audience, exp). */
    @Benchmark
    public JsonWebToken smallryeVerify() throws ParseException {
        return smallrye.verify(token, publicKey);
    }

    /** (2b) jose4j used directly: parse, verify, claims (iss, aud, exp, iat required, nbf). */
    @Benchmark
    public JwtClaims jose4jVerify() throws InvalidJwtException {
        return jose4j.processToClaims(token);
    }

    /** (2c) nimbus-jose-jwt: parse, pin the algorithm, verify, claims (iss exact, aud, exp and iat required, nbf). */
    @Benchmark
    public JWTClaimsSet nimbusVerify() throws java.text.ParseException, JOSEException, BadJWTException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!nimbusAlg.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(nimbusVerifier)) {
            throw new IllegalStateException("nimbus rejects the token");
        }
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        nimbusClaims.verify(claims, null);
        return claims;
    }

    /** (3) the SDK with its cache off: every call is a full verification and mapping (a miss). */
    @Benchmark
    public SignwardUser signwardMiss() {
        return missClient.validateToken(token);
    }

    /** (3b) the SDK with its cache on, on a token it has not seen (or has evicted): key, miss, verify, put. */
    @Benchmark
    public SignwardUser signwardCachedMiss() {
        flip = !flip;
        return evictingClient.validateToken(flip ? otherToken : token);
    }

    /** (4) the SDK on a token it has validated before (cache hit). */
    @Benchmark
    public SignwardUser signwardHit() {
        return hitClient.validateToken(token);
    }
}
