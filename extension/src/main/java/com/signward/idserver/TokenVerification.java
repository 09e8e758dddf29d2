package com.signward.idserver;

import com.signward.idserver.token.JwksFetcher;
import com.signward.idserver.token.JwksKeySource;
import com.signward.idserver.token.KeySourceSettings;
import com.signward.idserver.token.TokenRejectedException;
import com.signward.idserver.token.TokenValidator;
import com.signward.idserver.token.ValidationSettings;
import jakarta.json.JsonObject;

import java.time.Clock;
import java.util.function.Function;

/**
 * Local access-token validation: one {@link JwksKeySource} and one {@link TokenValidator} per client,
 * created on first use. Rejections become {@link InvalidTokenException}s with the same message.
 */
final class TokenVerification {

    private final SignwardOptions options;
    private final JwksFetcher fetcher;
    private final Clock clock;
    /** One instance, so that cached tokens keep their mapped (immutable) user. */
    private final Function<JsonObject, SignwardUser> toUser;
    private volatile Parts parts;

    private record Parts(JwksKeySource keys, TokenValidator validator) {
    }

    TokenVerification(SignwardOptions options, JwksFetcher fetcher, Clock clock) {
        this.options = options;
        this.toUser = claims -> SignwardUser.fromClaims(claims, options.rolesClaim(), options.customRolesClaim());
        this.fetcher = fetcher;
        this.clock = clock;
    }

    SignwardUser validate(String token, String issuer, String audience) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no token");
        }
        try {
            return parts().validator().validate(token, issuer, audience, toUser);
        } catch (TokenRejectedException e) {
            // same message, deliberately not chained
            throw new InvalidTokenException(e.getMessage());
        }
    }

    /** Makes the next validation fetch the key set again (no-op before first use). */
    void invalidate() {
        Parts current = parts;
        if (current != null) {
            current.keys().invalidate();
        }
    }

    private Parts parts() {
        Parts current = parts;
        if (current == null) {
            synchronized (this) {
                current = parts;
                if (current == null) {
                    JwksKeySource keys = new JwksKeySource(fetcher,
                            new KeySourceSettings(options.jwksMinRefreshInterval(), options.jwksMaxStale()), clock);
                    TokenValidator validator = new TokenValidator(keys, new ValidationSettings(options.clockSkew(),
                            options.allowedAlgorithms(), options.allowSymmetricKeys(), clock));
                    current = new Parts(keys, validator);
                    parts = current;
                }
            }
        }
        return current;
    }
}
