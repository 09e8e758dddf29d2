package com.signward.idserver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The parameters of an authorization request ({@code response_type=code}). Immutable; build it with
 * {@link #builder()}. A code challenge is always sent with {@code code_challenge_method=S256}.
 */
public final class AuthorizationRequest {

    private static final Set<String> RESERVED = Set.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "nonce", "code_challenge", "code_challenge_method");

    private final String redirectUri;
    private final List<String> scopes;
    private final String state;
    private final String nonce;
    private final String codeChallenge;
    private final Map<String, String> extraParameters;

    private AuthorizationRequest(Builder b) {
        if (b.redirectUri == null || b.redirectUri.isBlank()) {
            throw new IllegalArgumentException("redirectUri is required");
        }
        this.redirectUri = b.redirectUri;
        if (b.scopes != null) {
            b.scopes.forEach(SignwardOptions::checkScope);
        }
        this.scopes = b.scopes == null || b.scopes.isEmpty() ? List.of() : List.copyOf(b.scopes);
        this.state = b.state;
        this.nonce = b.nonce;
        this.codeChallenge = b.codeChallenge;
        this.extraParameters = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraParameters));
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the redirect URI, registered at Signward exactly as given */
    public String redirectUri() {
        return redirectUri;
    }

    /** @return the requested scopes; empty means the client's configured scopes */
    public List<String> scopes() {
        return scopes;
    }

    /** @return the {@code state} value, or {@code null} */
    public String state() {
        return state;
    }

    /** @return the {@code nonce} value, or {@code null} */
    public String nonce() {
        return nonce;
    }

    /** @return the S256 code challenge, or {@code null} */
    public String codeChallenge() {
        return codeChallenge;
    }

    /** @return further query parameters (unmodifiable, in insertion order) */
    public Map<String, String> extraParameters() {
        return extraParameters;
    }

    /** Builder of {@link AuthorizationRequest}; not thread-safe. */
    public static final class Builder {
        private String redirectUri;
        private List<String> scopes;
        private String state;
        private String nonce;
        private String codeChallenge;
        private final Map<String, String> extraParameters = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param redirectUri where Signward sends the browser back (required)
         * @return this builder
         */
        public Builder redirectUri(String redirectUri) {
            this.redirectUri = redirectUri;
            return this;
        }

        /**
         * @param scopes the scopes to request; {@code null} or empty requests the client's configured scopes
         * @return this builder
         */
        public Builder scopes(List<String> scopes) {
            this.scopes = scopes;
            return this;
        }

        /**
         * @param state an unguessable value bound to the user's session
         * @return this builder
         */
        public Builder state(String state) {
            this.state = state;
            return this;
        }

        /**
         * @param nonce a value the ID token must echo
         * @return this builder
         */
        public Builder nonce(String nonce) {
            this.nonce = nonce;
            return this;
        }

        /**
         * @param codeChallenge the PKCE S256 challenge (base64url of the SHA-256 of the verifier)
         * @return this builder
         */
        public Builder codeChallenge(String codeChallenge) {
            this.codeChallenge = codeChallenge;
            return this;
        }

        /**
         * Adds a query parameter such as {@code prompt} or {@code login_hint}.
         *
         * @param name  the parameter name; not one the client sets itself ({@code client_id}, {@code state}, …)
         * @param value the value
         * @return this builder
         */
        public Builder parameter(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("parameter '" + name + "' is set by its own builder method");
            }
            extraParameters.put(name, value);
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException when the redirect URI is missing or a scope is invalid
         */
        public AuthorizationRequest build() {
            return new AuthorizationRequest(this);
        }
    }
}
