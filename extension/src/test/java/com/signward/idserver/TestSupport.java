package com.signward.idserver;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertThrows;

final class TestSupport {

    private TestSupport() {
    }

    /** Decodes a form body or a raw query string. */
    static Map<String, String> form(String encoded) {
        Map<String, String> result = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return result;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return result;
    }

    static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    static SignwardOptions.Builder options(String authority) {
        return SignwardOptions.builder().authority(authority).clientId("my-app").clientSecret("s3cret");
    }

    /** The failure an async stage completes with (unwrapped), failing the test if it succeeds. */
    static <T extends Throwable> T failure(Class<T> type, CompletionStage<?> stage) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> stage.toCompletableFuture().get(30, TimeUnit.SECONDS));
        Throwable cause = com.signward.idserver.internal.oidc.Http.unwrap(e);
        if (!type.isInstance(cause)) {
            throw new AssertionError("expected " + type.getSimpleName() + " but got " + cause, cause);
        }
        return type.cast(cause);
    }
}
