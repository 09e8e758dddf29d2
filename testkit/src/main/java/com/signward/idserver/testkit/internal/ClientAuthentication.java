package com.signward.idserver.testkit.internal;


import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * Client authentication at the token, revocation and introspection endpoints: {@code client_secret_basic}
 * (RFC 6749 §2.3.1, id and secret form-urlencoded before Base64) or {@code client_secret_post}; a public client
 * sends its {@code client_id} only. Using both methods at once is refused.
 */
final class ClientAuthentication {

    private ClientAuthentication() {
    }

    /** The authenticated client, or empty (the caller answers 401 {@code invalid_client}). */
    static Optional<Registration> authenticate(Call call, Provider provider) {
        Optional<String> basic = call.header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
        String postedSecret = call.paramOrNull("client_secret");
        if (basic.isPresent()) {
            if (postedSecret != null) {
                return Optional.empty();
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(basic.get().substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
            String secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            String posted = call.paramOrNull("client_id");
            if (posted != null && !posted.equals(id)) {
                return Optional.empty();
            }
            return provider.client(id).filter(c -> c.isConfidential() && same(c.secret(), secret));
        }
        return provider.client(call.paramOrNull("client_id")).filter(c -> c.isConfidential()
                ? postedSecret != null && same(c.secret(), postedSecret)
                : postedSecret == null);
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
