package com.signward.idserver;

import java.util.Objects;

/**
 * An option of a builder ({@code SignwardOptions}, the browser-login settings) is missing or invalid. The message
 * starts with the option's name; {@link #option()} gives it alone, so that an integration can name its own
 * configuration key.
 */
public final class InvalidOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String option;

    /**
     * @param option  the builder method's name, e.g. {@code clockSkew}
     * @param problem what is wrong, e.g. {@code must not be negative}
     */
    public InvalidOptionException(String option, String problem) {
        super(Objects.requireNonNull(option, "option") + (problem.startsWith(":") ? "" : " ") + problem);
        this.option = option;
    }

    /** @return the name of the option (its builder method), e.g. {@code clockSkew} */
    public String option() {
        return option;
    }
}
