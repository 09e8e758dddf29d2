package com.signward.idserver.web;

import com.signward.idserver.InvalidOptionException;
import com.signward.idserver.web.state.StateStores;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable settings of a browser session around the login: lifetime bounds, the same-origin check of unsafe
 * requests, back-channel logout, where shared state lives and the key that seals tokens in the session. Part of
 * {@link WebLoginSettings}; created with {@link WebLoginSettings.Builder#session()}.
 */
public final class SessionSettings {

    private final Duration maxAge;
    private final Duration refreshGrace;
    private final Duration defaultTokenLifetime;
    private final boolean csrfEnabled;
    private final Set<String> csrfAllowedOrigins;
    private final String backchannelLogoutPath;
    private final Duration logoutTokenMaxAge;
    private final StateStores.Mode stateStore;
    private final byte[] encryptionKey;

    private SessionSettings(Builder b) {
        this.maxAge = positive("sessionMaxAge", b.maxAge);
        this.refreshGrace = notNegative("refreshGrace", b.refreshGrace);
        this.defaultTokenLifetime = positive("defaultTokenLifetime", b.defaultTokenLifetime);
        this.csrfEnabled = b.csrfEnabled;
        this.csrfAllowedOrigins = origins(b.csrfAllowedOrigins);
        this.backchannelLogoutPath = b.backchannelLogoutPath;
        this.logoutTokenMaxAge = positive("logoutTokenMaxAge", b.logoutTokenMaxAge);
        this.stateStore = Objects.requireNonNull(b.stateStore, "stateStore");
        if (b.encryptionKey != null && !Set.of(16, 24, 32).contains(b.encryptionKey.length)) {
            throw new InvalidOptionException("sessionEncryptionKey", "must be 16, 24 or 32 bytes (AES-128/192/256), "
                    + "base64-encoded");
        }
        this.encryptionKey = b.encryptionKey == null ? null : b.encryptionKey.clone();
    }

    /** @return a builder with every default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the maximum age of a login, from the login on; default 12 h */
    public Duration maxAge() {
        return maxAge;
    }

    /** @return how long past the access token's expiry a login survives transient refresh failures; 60 s */
    public Duration refreshGrace() {
        return refreshGrace;
    }

    /** @return the access-token lifetime assumed when the token response does not say; 5 min */
    public Duration defaultTokenLifetime() {
        return defaultTokenLifetime;
    }

    /** @return whether unsafe requests authenticated by the session need same-origin proof; default true */
    public boolean csrfEnabled() {
        return csrfEnabled;
    }

    /** @return further origins (scheme://host[:port]) accepted for unsafe requests; default none */
    public Set<String> csrfAllowedOrigins() {
        return csrfAllowedOrigins;
    }

    /** @return the back-channel logout route; default {@code /auth/backchannel-logout} */
    public String backchannelLogoutPath() {
        return backchannelLogoutPath;
    }

    /** @return how old a logout token's {@code iat} may be; default 5 min */
    public Duration logoutTokenMaxAge() {
        return logoutTokenMaxAge;
    }

    /** @return where shared state lives; default {@code AUTO} */
    public StateStores.Mode stateStore() {
        return stateStore;
    }

    /** @return a copy of the AES key that seals the session's tokens, or {@code null} (tokens in clear) */
    public byte[] encryptionKey() {
        return encryptionKey == null ? null : encryptionKey.clone();
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "SessionSettings[maxAge=" + maxAge + ", refreshGrace=" + refreshGrace + ", defaultTokenLifetime="
                + defaultTokenLifetime + ", csrfEnabled=" + csrfEnabled + ", csrfAllowedOrigins=" + csrfAllowedOrigins
                + ", backchannelLogoutPath=" + backchannelLogoutPath + ", logoutTokenMaxAge=" + logoutTokenMaxAge
                + ", stateStore=" + stateStore + ", encryption=" + (encryptionKey != null ? "on" : "off") + "]";
    }

    /** An origin as browsers send it: lower-case scheme and host, the port only when not the default. */
    static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static Set<String> origins(Collection<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : values == null ? Set.<String>of() : values) {
            URI uri;
            try {
                uri = URI.create(value.strip());
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || uri.getHost() == null || !(Objects.equals(uri.getScheme(), "http")
                    || Objects.equals(uri.getScheme(), "https")) || (uri.getRawPath() != null
                    && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
                throw new InvalidOptionException("csrfAllowedOrigins", "each must be an origin such as "
                        + "https://app.example.com (scheme, host, optional port; no path): " + value);
            }
            result.add(origin(uri.getScheme(), uri.getHost(), uri.getPort()));
        }
        return Set.copyOf(result);
    }

    private static Duration notNegative(String option, Duration value) {
        Objects.requireNonNull(value, option);
        if (value.isNegative()) {
            throw new InvalidOptionException(option, "must not be negative");
        }
        return value;
    }

    private static Duration positive(String option, Duration value) {
        if (notNegative(option, value).isZero()) {
            throw new InvalidOptionException(option, "must be positive");
        }
        return value;
    }

    /** Builder of {@link SessionSettings}; not thread-safe. */
    public static final class Builder {
        private Duration maxAge = Duration.ofHours(12);
        private Duration refreshGrace = Duration.ofSeconds(60);
        private Duration defaultTokenLifetime = Duration.ofMinutes(5);
        private boolean csrfEnabled = true;
        private Collection<String> csrfAllowedOrigins = Set.of();
        private String backchannelLogoutPath = "/auth/backchannel-logout";
        private Duration logoutTokenMaxAge = Duration.ofMinutes(5);
        private StateStores.Mode stateStore = StateStores.Mode.AUTO;
        private byte[] encryptionKey;

        private Builder() {
        }

        /** @param maxAge absolute bound of a login from its start @return this builder */
        public Builder sessionMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        /** @param refreshGrace time past the access token's expiry allowed to transient refresh failures @return this builder */
        public Builder refreshGrace(Duration refreshGrace) {
            this.refreshGrace = refreshGrace;
            return this;
        }

        /** @param lifetime assumed access-token lifetime without {@code expires_in} or JWT {@code exp} @return this builder */
        public Builder defaultTokenLifetime(Duration lifetime) {
            this.defaultTokenLifetime = lifetime;
            return this;
        }

        /** @param enabled whether unsafe session requests need same-origin proof @return this builder */
        public Builder csrfEnabled(boolean enabled) {
            this.csrfEnabled = enabled;
            return this;
        }

        /** @param origins further accepted origins, e.g. {@code https://admin.example.com} @return this builder */
        public Builder csrfAllowedOrigins(Collection<String> origins) {
            this.csrfAllowedOrigins = origins;
            return this;
        }

        /** @param path the back-channel logout route @return this builder */
        public Builder backchannelLogoutPath(String path) {
            this.backchannelLogoutPath = path;
            return this;
        }

        /** @param maxAge how old a logout token may be @return this builder */
        public Builder logoutTokenMaxAge(Duration maxAge) {
            this.logoutTokenMaxAge = maxAge;
            return this;
        }

        /** @param mode {@code AUTO}, {@code MEMORY} or {@code JCACHE} @return this builder */
        public Builder stateStore(StateStores.Mode mode) {
            this.stateStore = mode;
            return this;
        }

        /** @param key AES key (16, 24 or 32 bytes) sealing the session's tokens, or {@code null} @return this builder */
        public Builder sessionEncryptionKey(byte[] key) {
            this.encryptionKey = key == null ? null : Arrays.copyOf(key, key.length);
            return this;
        }

        /** @return the settings */
        SessionSettings build() {
            return new SessionSettings(this);
        }
    }
}
