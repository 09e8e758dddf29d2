package com.signward.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.PublicJsonWebKey;

/**
 * The identity provider of the load comparison: discovery and JWKS on {@code http://127.0.0.1:PORT} (one RS256
 * key), and {@code DIR/tokens.txt} with 100 access tokens of 100 users (two hours of lifetime). Stops by itself
 * after LIFETIME seconds.
 *
 * <pre>java -cp … com.signward.bench.LoadProvider PORT DIR LIFETIME_SECONDS</pre>
 */
public final class LoadProvider {
    private LoadProvider() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        long lifetimeSeconds = Long.parseLong(args[2]);
        PublicJsonWebKey key = BenchTokens.key("RS256", "load-rsa");
        try (LoopbackProvider provider = new LoopbackProvider(port, key)) {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                tokens.add(BenchTokens.mint(key, provider.issuer(), UUID.randomUUID(), 7200));
            }
            Files.createDirectories(dir);
            Path file = dir.resolve("tokens.txt");
            Files.write(file.resolveSibling("tokens.txt.tmp"), tokens);
            Files.move(file.resolveSibling("tokens.txt.tmp"), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("provider " + provider.issuer() + " ready; tokens in " + file);
            Thread.sleep(lifetimeSeconds * 1000);
            System.out.println("provider stopping after " + lifetimeSeconds + " s: discovery "
                    + provider.discoveryHits() + " and JWKS " + provider.jwksHits() + " requests served");
        }
    }
}
