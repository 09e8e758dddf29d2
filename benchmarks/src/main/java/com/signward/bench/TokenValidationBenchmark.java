package com.signward.bench;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwk.PublicJsonWebKey;
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

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Token validation throughput, one algorithm per parameter value, four ways:
 * <ol>
 *   <li>{@link #jcaVerify}: bare JCA {@code Signature.verify} of the token's signing input (the floor);</li>
 *   <li>{@link #smallryeVerify}: smallrye-jwt {@code DefaultJWTParser.verify(token, publicKey)}, key in hand;</li>
 *   <li>{@link #signwardMiss}: {@code SignwardClient.validateToken} on distinct tokens that always miss the
 *       verified-token cache (shrunk to one entry, see {@link CacheBypass});</li>
 *   <li>{@link #signwardHit}: {@code validateToken} on one repeated token (cache hit).</li>
 * </ol>
 * The provider (discovery + JWKS) is an in-process HTTP server on loopback; both clients fetch from it once in
 * setup, never during measurement (JWKS max-age is 24 h).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenValidationBenchmark {
    static final int POOL = 1024;

    @Param({"RS256", "ES256"})
    public String alg;

    private LoopbackProvider provider;
    private SignwardClient hitClient;
    private SignwardClient missClient;
    private DefaultJWTParser smallrye;
    private PublicKey publicKey;
    private String token;
    private String[] pool;
    byte[] signingInput;
    byte[] signature;

    /** Per-thread state: the JCA verifier and the cursor into the token pool. */
    @State(Scope.Thread)
    public static class PerThread {
        Signature verifier;
        int next;

        @Setup(Level.Trial)
        public void setUp(TokenValidationBenchmark bench) throws Exception {
            verifier = Signature.getInstance(jcaAlgorithm(bench.alg));
            next = (int) (Thread.currentThread().getId() * 7919) & (POOL - 1);
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        PublicJsonWebKey key = BenchTokens.key(alg, "bench-" + alg);
        publicKey = key.getPublicKey();
        provider = new LoopbackProvider(0, key);
        String issuer = provider.issuer();
        token = BenchTokens.mint(key, issuer, UUID.randomUUID(), 3600);
        pool = new String[POOL];
        for (int i = 0; i < POOL; i++) {
            pool[i] = BenchTokens.mint(key, issuer, UUID.randomUUID(), 3600);
        }
        int lastDot = token.lastIndexOf('.');
        signingInput = token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII);
        signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));

        SignwardOptions options = SignwardOptions.builder().authority(issuer).clientId("bench").build();
        hitClient = new SignwardClient(options);
        missClient = new SignwardClient(options);
        hitClient.validateToken(token);
        missClient.validateToken(pool[0]);
        CacheBypass.shrinkToOneEntry(missClient);

        JWTAuthContextInfo context = new JWTAuthContextInfo();
        context.setIssuedBy(issuer);
        context.setExpectedAudience(Set.of(BenchTokens.AUDIENCE));
        context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.fromAlgorithm(alg)));
        smallrye = new DefaultJWTParser(context);

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
        if (!subject.equals(hitClient.validateToken(token).userId().toString())) {
            throw new IllegalStateException("smallrye and Signward disagree");
        }
        for (String t : pool) {
            missClient.validateToken(t);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (provider.jwksHits() != 2 || provider.discoveryHits() != 2) {
            throw new IllegalStateException("the provider was called during measurement: jwks "
                    + provider.jwksHits() + ", discovery " + provider.discoveryHits());
        }
        hitClient.close();
        missClient.close();
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

    /** (3) the SDK on a token it has not seen (cache miss). */
    @Benchmark
    public SignwardUser signwardMiss(PerThread state) {
        int i = state.next;
        state.next = (i + 1) & (POOL - 1);
        return missClient.validateToken(pool[i]);
    }

    /** (4) the SDK on a token it has validated before (cache hit). */
    @Benchmark
    public SignwardUser signwardHit() {
        return hitClient.validateToken(token);
    }
}
