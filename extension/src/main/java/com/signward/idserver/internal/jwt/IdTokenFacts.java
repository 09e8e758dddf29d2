package com.signward.idserver.internal.jwt;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a refreshed ID token must agree with (OpenID Connect Core §12.2), taken from the login's ID token.
 *
 * @param subject         {@code sub}
 * @param authorizedParty {@code azp}, or {@code null} when absent
 * @param authTime        {@code auth_time} in epoch seconds, or {@code null} when absent
 * @param nonce           {@code nonce} of the login
 */
public record IdTokenFacts(String subject, String authorizedParty, Long authTime, String nonce) implements Serializable {

    public IdTokenFacts {
        Objects.requireNonNull(subject, "subject");
    }

    /** Never prints the nonce. */
    @Override
    public String toString() {
        return "IdTokenFacts[subject=" + subject + ", azp=" + authorizedParty + ", authTime=" + authTime + "]";
    }
}
