package com.signward.idserver.internal.oidc;

import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches the discovery document lazily and caches it. Concurrent first callers share one fetch;
 * a failed fetch is not cached, so the next call tries again.
 */
public final class Discovery {

    private static final System.Logger LOG = System.getLogger("com.signward.idserver.SignwardClient");

    private final HttpClient http;
    private final OidcConfig options;
    private final URI url;
    private final AtomicReference<CompletableFuture<ProviderMetadata>> current = new AtomicReference<>();

    Discovery(HttpClient http, OidcConfig options) {
        this.http = http;
        this.options = options;
        this.url = URI.create(options.authority() + "/.well-known/openid-configuration");
    }

    /** @return the cached metadata, or the one fetch in flight, or a new fetch */
    CompletableFuture<ProviderMetadata> get() {
        while (true) {
            CompletableFuture<ProviderMetadata> cached = current.get();
            if (cached != null && !cached.isCompletedExceptionally()) {
                return cached.copy();
            }
            CompletableFuture<ProviderMetadata> mine = new CompletableFuture<>();
            if (current.compareAndSet(cached, mine)) {
                fetch().whenComplete((metadata, failure) -> {
                    if (failure != null) {
                        mine.completeExceptionally(Http.unwrap(failure));
                    } else {
                        mine.complete(metadata);
                    }
                });
                return mine.copy();
            }
        }
    }

    /** @return the metadata when already fetched successfully, else {@code null}; never does I/O */
    ProviderMetadata loaded() {
        CompletableFuture<ProviderMetadata> cached = current.get();
        return cached != null && cached.isDone() && !cached.isCompletedExceptionally() ? cached.join() : null;
    }

    /** Fetches again; on success the new metadata replaces the cached one, on failure the old one stays. */
    CompletableFuture<ProviderMetadata> refresh() {
        return fetch().thenApply(metadata -> {
            current.set(CompletableFuture.completedFuture(metadata));
            return metadata;
        });
    }

    private CompletableFuture<ProviderMetadata> fetch() {
        LOG.log(System.Logger.Level.DEBUG, "fetching {0}", url);
        return Http.send(http, Http.request(url, options.timeout()).GET().build())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw ProviderException.discovery("discovery request to " + url + " failed: "
                                + Http.describe(failure, options.timeout()), Http.unwrap(failure));
                    }
                    return parse(response);
                });
    }

    private ProviderMetadata parse(HttpResponse<String> response) {
        if (!Http.isSuccess(response.statusCode())) {
            throw ProviderException.discovery("discovery endpoint " + url + " answered HTTP " + response.statusCode(), null);
        }
        JsonObject document = JsonBodies.parseObject(response.body());
        if (document == null) {
            throw ProviderException.discovery("the discovery document at " + url + " is not a JSON object", null);
        }
        return ProviderMetadata.parse(document, options);
    }
}
