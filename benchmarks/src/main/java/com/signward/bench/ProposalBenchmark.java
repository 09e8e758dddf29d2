package com.signward.bench;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.signward.idserver.SignwardUser;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;

/**
 * Not part of the ratio table: sketches of the two main-code changes proposed in README ("Main-code suggestions"),
 * built from the same libraries, to show what they would reach. Run with
 * {@code java -cp … org.openjdk.jmh.Main ProposalBenchmark} or {@code run-jmh.sh --benchmarks=...} is not needed.
 * <ul>
 *   <li>{@link #hitWithMappedUser}: a cache hit that hashes the token (SHA-256, reused digest) and returns the
 *       {@link SignwardUser} built when the token was first validated, skipping the shape scan and the mapping.</li>
 *   <li>{@link #missSingleParse}: a miss that parses the token once with jose4j, verifies with the selected key
 *       and reads the payload once with JSON-P, without a second parse by smallrye-jwt.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProposalBenchmark {

    @Param({"RS256", "ES256"})
    public String alg;

    private String token;
    private PublicKey publicKey;
    private MessageDigest sha256;
    private final ConcurrentHashMap<ByteBuffer, SignwardUser> cache = new ConcurrentHashMap<>();
    private final JsonReaderFactory json = Json.createReaderFactory(java.util.Map.of());
    private AlgorithmConstraints constraints;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        PublicJsonWebKey key = BenchTokens.key(alg, "proposal");
        publicKey = key.getPublicKey();
        token = BenchTokens.mint(key, "http://127.0.0.1:1", UUID.randomUUID(), 3600);
        sha256 = MessageDigest.getInstance("SHA-256");
        constraints = new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, alg);
        cache.put(hash(token), missSingleParse());
    }

    private ByteBuffer hash(String t) {
        return ByteBuffer.wrap(sha256.digest(t.getBytes(StandardCharsets.US_ASCII)));
    }

    @Benchmark
    public SignwardUser hitWithMappedUser() {
        if (token.length() > 16 * 1024) {
            throw new IllegalArgumentException("too large");
        }
        return cache.get(hash(token));
    }

    @Benchmark
    public SignwardUser missSingleParse() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(constraints);
        jws.setCompactSerialization(token);
        jws.setKey(publicKey);
        if (!jws.verifySignature()) {
            throw new IllegalStateException("signature invalid");
        }
        JsonObject claims;
        try (JsonReader reader = json.createReader(new StringReader(jws.getUnverifiedPayload()))) {
            claims = reader.readObject();
        }
        return SignwardUser.fromClaims(claims);
    }
}
