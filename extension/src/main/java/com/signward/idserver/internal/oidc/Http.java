package com.signward.idserver.internal.oidc;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** HTTP plumbing shared by the endpoints: client creation, requests, failures, waiting. */
public final class Http {

    private static final System.Logger LOG = System.getLogger("com.signward.idserver.SignwardClient");

    private Http() {
    }

    /** The client the SDK creates when the application supplies none. */
    public static HttpClient newClient(OidcConfig options) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (!options.verifySsl()) {
            LOG.log(System.Logger.Level.WARNING, "verifySsl is off: TLS certificates and host names of "
                    + options.authority() + " are NOT verified. Use this for localhost development only.");
            builder.sslContext(InsecureTls.trustAllContext());
        }
        return builder.build();
    }

    public static HttpRequest.Builder request(URI uri, Duration timeout) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    }

    public static CompletableFuture<HttpResponse<String>> send(HttpClient http, HttpRequest request) {
        try {
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** A short description of a transport failure, fit for an exception message. */
    public static String describe(Throwable failure, Duration timeout) {
        Throwable t = unwrap(failure);
        if (t instanceof HttpTimeoutException) {
            return "timed out after " + timeout.toMillis() + " ms";
        }
        if (t instanceof ConnectException) {
            return "cannot connect";
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Waits for an asynchronous result, rethrowing its unchecked failure as is. */
    public static <T> T await(CompletionStage<T> stage) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw ProviderException.transport("interrupted while waiting for Signward", e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw ProviderException.transport("request failed: " + cause.getClass().getSimpleName(), cause);
        }
    }
}
