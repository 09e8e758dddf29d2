package com.signward.idserver;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import com.signward.idserver.internal.oidc.OidcConfig;
import com.signward.idserver.internal.oidc.OidcCore;

/** For tests of other packages: what {@code SignwardOptions} and {@code SignwardClient} build internally. */
public final class TestCores {

    private TestCores() {
    }

    /** The checked configuration the options hold (package-private in the API). */
    public static OidcConfig config(SignwardOptions options) {
        return options.config();
    }

    /** A core over its own HTTP client, closed with it. */
    public static OidcCore core(SignwardOptions options, Clock clock) {
        return new OidcCore(options.config(), HttpClient.newHttpClient(), true, clock);
    }

    /** Claims to a user with the options' role claims, as the client and the Jakarta integration map them. */
    public static Function<Map<String, Object>, SignwardUser> toUser(SignwardOptions options) {
        return claims -> SignwardUser.fromClaims(claims, options.rolesClaim(), options.customRolesClaim());
    }
}
