package com.signward.idserver.web;

import com.signward.idserver.InvalidOptionException;
import com.signward.idserver.web.state.StateStores;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable settings of the browser login ({@link WebLogin}). Create them with {@link #builder()}; every
 * accessor has the name of its builder method. Paths are relative to the application's context path.
 */
public final class WebLoginSettings {

    private final String loginPath;
    private final String callbackPath;
    private final String logoutPath;
    private final String postLoginRedirect;
    private final String postLogoutRedirect;
    private final URI publicBaseUrl;
    private final boolean logoutGetEnabled;
    private final Duration refreshMargin;
    private final int maxPendingLogins;
    private final Duration pendingLoginTtl;
    private final List<String> scopes;
    private final boolean fetchUserinfo;
    private final SessionSettings session;

    private WebLoginSettings(Builder b) {
        this.loginPath = route("loginPath", b.loginPath);
        this.callbackPath = route("callbackPath", b.callbackPath);
        this.logoutPath = route("logoutPath", b.logoutPath);
        if (new HashSet<>(List.of(loginPath, callbackPath, logoutPath)).size() != 3) {
            throw new InvalidOptionException("loginPath", "must differ from callbackPath and logoutPath");
        }
        this.session = b.session.build();
        String backchannel = route("backchannelLogoutPath", session.backchannelLogoutPath());
        if (List.of(loginPath, callbackPath, logoutPath).contains(backchannel)) {
            throw new InvalidOptionException("backchannelLogoutPath", "must differ from the other routes");
        }
        this.postLoginRedirect = ReturnTarget.parse(b.postLoginRedirect).orElseThrow(() ->
                new InvalidOptionException("postLoginRedirect", "must be a path within the application, such as /"));
        this.postLogoutRedirect = postLogout(b.postLogoutRedirect);
        this.publicBaseUrl = b.publicBaseUrl == null ? null : publicBase(b.publicBaseUrl);
        this.logoutGetEnabled = b.logoutGetEnabled;
        this.refreshMargin = notNegative("refreshMargin", b.refreshMargin);
        if (b.maxPendingLogins < 1 || b.maxPendingLogins > 100) {
            throw new InvalidOptionException("maxPendingLogins", "must be between 1 and 100");
        }
        this.maxPendingLogins = b.maxPendingLogins;
        this.pendingLoginTtl = notNegative("pendingLoginTtl", b.pendingLoginTtl);
        if (pendingLoginTtl.isZero()) {
            throw new InvalidOptionException("pendingLoginTtl", "must be positive");
        }
        this.scopes = b.scopes == null ? List.of() : List.copyOf(b.scopes);
        if (!scopes.isEmpty() && !scopes.contains("openid")) {
            throw new InvalidOptionException("scopes", "must include openid");
        }
        this.fetchUserinfo = b.fetchUserinfo;
    }

    /** @return a builder with every default set */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the settings with every default */
    public static WebLoginSettings defaults() {
        return builder().build();
    }

    /** @return the route that starts a login (accepts {@code returnTo}); default {@code /auth/login} */
    public String loginPath() {
        return loginPath;
    }

    /** @return the route Signward redirects back to; default {@code /auth/callback} */
    public String callbackPath() {
        return callbackPath;
    }

    /** @return the logout route; default {@code /auth/logout} */
    public String logoutPath() {
        return logoutPath;
    }

    /** @return where a login ends when no valid {@code returnTo} was given; default {@code /} */
    public String postLoginRedirect() {
        return postLoginRedirect;
    }

    /** @return where Signward sends the browser after logout: a path in the application or an absolute URL */
    public String postLogoutRedirect() {
        return postLogoutRedirect;
    }

    /** @return the external base URL of the server (behind a proxy), without the context path */
    public Optional<URI> publicBaseUrl() {
        return Optional.ofNullable(publicBaseUrl);
    }

    /** @return whether {@code GET} on the logout route logs out (POST always does); default false */
    public boolean logoutGetEnabled() {
        return logoutGetEnabled;
    }

    /** @return how long before the access token expires it is refreshed; default 60 s */
    public Duration refreshMargin() {
        return refreshMargin;
    }

    /** @return how many login attempts one session may have in progress at once; default 10 */
    public int maxPendingLogins() {
        return maxPendingLogins;
    }

    /** @return how long a login attempt may take; default 10 minutes */
    public Duration pendingLoginTtl() {
        return pendingLoginTtl;
    }

    /** @return the scopes requested at login; empty (the default) means the client's configured scopes */
    public List<String> scopes() {
        return scopes;
    }

    /** @return whether the user's claims are completed from the userinfo endpoint; default true */
    public boolean fetchUserinfo() {
        return fetchUserinfo;
    }

    /** @return the session lifetime, CSRF, back-channel logout and state-store settings */
    public SessionSettings session() {
        return session;
    }

    /** @return the back-channel logout route; default {@code /auth/backchannel-logout} */
    public String backchannelLogoutPath() {
        return session.backchannelLogoutPath();
    }

    /** @return the maximum age of a login; default 12 h */
    public Duration sessionMaxAge() {
        return session.maxAge();
    }

    /** @return how long past the access token's expiry a login survives failing refreshes; default 60 s */
    public Duration refreshGrace() {
        return session.refreshGrace();
    }

    /** @return the access-token lifetime assumed when neither {@code expires_in} nor a JWT {@code exp} says; 5 min */
    public Duration defaultTokenLifetime() {
        return session.defaultTokenLifetime();
    }

    @Override
    public String toString() {
        return "WebLoginSettings[login=" + loginPath + ", callback=" + callbackPath + ", logout=" + logoutPath
                + ", postLoginRedirect=" + postLoginRedirect + ", postLogoutRedirect=" + postLogoutRedirect
                + ", publicBaseUrl=" + publicBaseUrl + ", logoutGetEnabled=" + logoutGetEnabled
                + ", refreshMargin=" + refreshMargin + ", maxPendingLogins=" + maxPendingLogins
                + ", pendingLoginTtl=" + pendingLoginTtl + ", scopes=" + scopes + ", fetchUserinfo=" + fetchUserinfo
                + ", " + session + "]";
    }

    private static final Set<Character> ROUTE_CHARS = Set.of('-', '.', '_', '~', '/');

    private static String route(String option, String value) {
        if (value == null || value.length() < 2 || value.charAt(0) != '/' || value.startsWith("//")
                || value.endsWith("/")) {
            throw new InvalidOptionException(option, "must be a path such as /auth/login: " + value);
        }
        for (char c : value.toCharArray()) {
            boolean ok = c < 0x80 && (Character.isLetterOrDigit(c) || ROUTE_CHARS.contains(c));
            if (!ok) {
                throw new InvalidOptionException(option, "may contain only letters, digits and -._~/: " + value);
            }
        }
        return value;
    }

    private static String postLogout(String value) {
        if (value != null && value.toLowerCase(Locale.ROOT).matches("https?://.*")) {
            try {
                RedirectUris.checkBaseUrl(URI.create(value.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidOptionException("postLogoutRedirect", "must be an absolute http(s) URL without "
                        + "query, fragment or user info");
            }
            return value.strip();
        }
        return ReturnTarget.parse(value).orElseThrow(() -> new InvalidOptionException("postLogoutRedirect",
                "must be a path within the application or an absolute http(s) URL"));
    }

    private static URI publicBase(URI url) {
        try {
            return RedirectUris.checkBaseUrl(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException("publicBaseUrl", "must be an absolute http(s) URL without query, "
                    + "fragment or user info: " + url);
        }
    }

    private static Duration notNegative(String option, Duration value) {
        Objects.requireNonNull(value, option);
        if (value.isNegative()) {
            throw new InvalidOptionException(option, "must not be negative");
        }
        return value;
    }

    /** Builder of {@link WebLoginSettings}; not thread-safe. */
    public static final class Builder {
        private String loginPath = "/auth/login";
        private String callbackPath = "/auth/callback";
        private String logoutPath = "/auth/logout";
        private String postLoginRedirect = "/";
        private String postLogoutRedirect = "/";
        private URI publicBaseUrl;
        private boolean logoutGetEnabled = false;
        private Duration refreshMargin = Duration.ofSeconds(60);
        private int maxPendingLogins = 10;
        private Duration pendingLoginTtl = Duration.ofMinutes(10);
        private List<String> scopes = List.of();
        private boolean fetchUserinfo = true;
        private final SessionSettings.Builder session = SessionSettings.builder();

        private Builder() {
        }

        /** @return the builder of the session settings (lifetime, CSRF, back-channel logout, state store) */
        public SessionSettings.Builder session() {
            return session;
        }

        /**
         * @param loginPath the route that starts a login, e.g. {@code /auth/login}
         * @return this builder
         */
        public Builder loginPath(String loginPath) {
            this.loginPath = loginPath;
            return this;
        }

        /**
         * @param callbackPath the route registered (with base URL and context path) as redirect URI at Signward
         * @return this builder
         */
        public Builder callbackPath(String callbackPath) {
            this.callbackPath = callbackPath;
            return this;
        }

        /**
         * @param logoutPath the logout route
         * @return this builder
         */
        public Builder logoutPath(String logoutPath) {
            this.logoutPath = logoutPath;
            return this;
        }

        /**
         * @param postLoginRedirect a path within the application (e.g. {@code /}) where a login ends without
         *                          a valid {@code returnTo}
         * @return this builder
         */
        public Builder postLoginRedirect(String postLoginRedirect) {
            this.postLoginRedirect = postLoginRedirect;
            return this;
        }

        /**
         * @param postLogoutRedirect a path within the application or an absolute URL; sent (absolute) as
         *                           {@code post_logout_redirect_uri}, so register it at Signward
         * @return this builder
         */
        public Builder postLogoutRedirect(String postLogoutRedirect) {
            this.postLogoutRedirect = postLogoutRedirect;
            return this;
        }

        /**
         * @param publicBaseUrl the server's external URL (scheme, host, port, optional path prefix) when it runs
         *                      behind a proxy; the context path is appended to it. {@code null}: taken from each
         *                      request's scheme, host and port
         * @return this builder
         */
        public Builder publicBaseUrl(URI publicBaseUrl) {
            this.publicBaseUrl = publicBaseUrl;
            return this;
        }

        /**
         * @param logoutGetEnabled whether GET on the logout route logs out (POST always does)
         * @return this builder
         */
        public Builder logoutGetEnabled(boolean logoutGetEnabled) {
            this.logoutGetEnabled = logoutGetEnabled;
            return this;
        }

        /**
         * @param refreshMargin refresh the access token when it expires within this time
         * @return this builder
         */
        public Builder refreshMargin(Duration refreshMargin) {
            this.refreshMargin = refreshMargin;
            return this;
        }

        /**
         * @param maxPendingLogins login attempts kept per session (1–100); the oldest is dropped beyond it
         * @return this builder
         */
        public Builder maxPendingLogins(int maxPendingLogins) {
            this.maxPendingLogins = maxPendingLogins;
            return this;
        }

        /**
         * @param pendingLoginTtl how long a login attempt stays valid
         * @return this builder
         */
        public Builder pendingLoginTtl(Duration pendingLoginTtl) {
            this.pendingLoginTtl = pendingLoginTtl;
            return this;
        }

        /**
         * @param scopes scopes to request (must include {@code openid}); empty means the client's scopes
         * @return this builder
         */
        public Builder scopes(List<String> scopes) {
            this.scopes = scopes;
            return this;
        }

        /**
         * @param fetchUserinfo complete the ID token's claims from the userinfo endpoint (its {@code sub} must
         *                      match) at login and at each refresh
         * @return this builder
         */
        public Builder fetchUserinfo(boolean fetchUserinfo) {
            this.fetchUserinfo = fetchUserinfo;
            return this;
        }

        /**
         * @return the settings
         * @throws IllegalArgumentException naming the setting that is invalid
         */
        public WebLoginSettings build() {
            return new WebLoginSettings(this);
        }
    }
}
