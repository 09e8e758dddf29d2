package com.signward.idserver.jakarta;

import com.signward.idserver.SignwardUser;
import jakarta.security.enterprise.CallerPrincipal;

import java.util.Objects;

/**
 * The caller principal of a Signward-authenticated request: its name is the configured
 * {@code signward.principal.claim} (default {@code sub}), and it carries the {@link SignwardUser}.
 */
public class SignwardPrincipal extends CallerPrincipal {
    private static final long serialVersionUID = 1L;

    private final SignwardUser user;

    public SignwardPrincipal(String name, SignwardUser user) {
        super(name);
        this.user = Objects.requireNonNull(user, "user");
    }

    /** The user behind this principal. */
    public SignwardUser user() {
        return user;
    }
}
