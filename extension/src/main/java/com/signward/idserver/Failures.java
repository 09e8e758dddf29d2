package com.signward.idserver;

import com.signward.idserver.internal.jwt.KeysUnavailableException;
import com.signward.idserver.internal.jwt.TokenRejectedException;
import com.signward.idserver.internal.oidc.Http;
import com.signward.idserver.internal.oidc.ProviderException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Turns the internal layers' failures into the public exception family; the one place that does. */
final class Failures {

    private Failures() {
    }

    static RuntimeException translate(Throwable failure) {
        Throwable t = Http.unwrap(failure);
        if (t instanceof ProviderException p) {
            return switch (p.kind()) {
                case DISCOVERY -> new DiscoveryException(p.getMessage(), p.getCause());
                case TOKEN -> new TokenExchangeException(p.error(), p.description(), p.status());
                case USERINFO -> p.getCause() != null
                        ? new UserInfoException(p.getMessage(), p.getCause())
                        : new UserInfoException(p.getMessage(), p.status());
                case TRANSPORT -> new SignwardException(p.getMessage(), p.getCause());
            };
        }
        if (t instanceof TokenRejectedException rejected) {
            return new InvalidTokenException(rejected.getMessage()); // same message, deliberately not chained
        }
        if (t instanceof KeysUnavailableException unavailable) {
            return new SignwardException(unavailable.getMessage() + ": the JWKS could not be loaded");
        }
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new SignwardException("request failed: " + t.getClass().getSimpleName(), t);
    }

    /** Waits for a result, throwing the public exception. */
    static <T> T await(CompletionStage<T> stage) {
        try {
            return Http.await(stage);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** The same result, failing with the public exception. */
    static <T> CompletionStage<T> translated(CompletionStage<T> stage) {
        CompletableFuture<T> result = new CompletableFuture<>();
        stage.whenComplete((value, failure) -> {
            if (failure != null) {
                result.completeExceptionally(translate(failure));
            } else {
                result.complete(value);
            }
        });
        return result;
    }
}
