package com.signward.idserver;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Validation of {@link SignwardOptions} values; every message names the option. */
final class OptionChecks {

    private OptionChecks() {
    }

    static String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is required");
        }
        return value.strip();
    }

    static Duration positive(String option, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(option + " must be a positive duration");
        }
        return value;
    }

    static Duration notNegative(String option, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(option + " must be zero or a positive duration");
        }
        return value;
    }

    static Duration atMost(String option, Duration value, Duration max) {
        if (value.compareTo(max) > 0) {
            throw new IllegalArgumentException(option + " must not exceed " + max);
        }
        return value;
    }

    static List<String> scopes(List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("scopes must not be empty");
        }
        for (String scope : scopes) {
            checkScope(scope);
        }
        return List.copyOf(scopes);
    }

    static void checkScope(String scope) {
        if (scope == null || scope.isBlank() || scope.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '\\')) {
            throw new IllegalArgumentException("scopes: '" + scope + "' is not a valid scope token");
        }
    }

    static Set<String> algorithms(Set<String> configured, boolean allowSymmetric,
                                  Set<String> asymmetric, Set<String> symmetric) {
        Set<String> result = new LinkedHashSet<>();
        if (configured == null) {
            result.addAll(asymmetric);
            if (allowSymmetric) {
                result.addAll(symmetric);
            }
        } else {
            for (String alg : configured) {
                if (alg == null || !(asymmetric.contains(alg) || symmetric.contains(alg))) {
                    throw new IllegalArgumentException("allowedAlgorithms: unsupported algorithm '" + alg + "'");
                }
                result.add(alg);
            }
            if (result.isEmpty()) {
                throw new IllegalArgumentException("allowedAlgorithms must not be empty");
            }
        }
        return Collections.unmodifiableSet(result);
    }
}
