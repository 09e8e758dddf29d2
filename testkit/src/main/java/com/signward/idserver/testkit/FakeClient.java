package com.signward.idserver.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A client registered at {@link FakeSignward}: id, secret ({@code null} for a public client), the exact redirect
 * URIs and post-logout redirect URIs, and the back-channel logout URI. Immutable; {@code with…} returns copies;
 * register with {@link FakeSignward#register(FakeClient)}.
 *
 * @param id                     the client id
 * @param secret                 the client secret, or {@code null} (public client: PKCE only)
 * @param redirectUris           redirect URIs, compared exactly
 * @param postLogoutRedirectUris post-logout redirect URIs, compared exactly
 * @param backchannelLogoutUri   where {@link FakeSignward#sendBackchannelLogout} posts, or {@code null}
 */
public record FakeClient(String id, String secret, List<String> redirectUris, List<String> postLogoutRedirectUris,
                         URI backchannelLogoutUri) {

    /** Copies the lists; the id is required. */
    public FakeClient {
        Objects.requireNonNull(id, "id");
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    }

    /** A confidential client without URIs yet. */
    public static FakeClient confidential(String id, String secret) {
        return new FakeClient(id, Objects.requireNonNull(secret, "secret"), List.of(), List.of(), null);
    }

    /** A public client (no secret). */
    public static FakeClient publicClient(String id) {
        return new FakeClient(id, null, List.of(), List.of(), null);
    }

    /** With one more redirect URI (no change when it is registered already). */
    public FakeClient withRedirectUri(String uri) {
        return new FakeClient(id, secret, plus(redirectUris, uri), postLogoutRedirectUris, backchannelLogoutUri);
    }

    /** With one more post-logout redirect URI. */
    public FakeClient withPostLogoutRedirectUri(String uri) {
        return new FakeClient(id, secret, redirectUris, plus(postLogoutRedirectUris, uri), backchannelLogoutUri);
    }

    /** With a back-channel logout URI. */
    public FakeClient withBackchannelLogoutUri(URI uri) {
        return new FakeClient(id, secret, redirectUris, postLogoutRedirectUris, uri);
    }

    /** Whether this client has a secret. */
    public boolean isConfidential() {
        return secret != null;
    }

    private static List<String> plus(List<String> list, String value) {
        List<String> more = new ArrayList<>(list);
        if (!more.contains(value)) {
            more.add(Objects.requireNonNull(value));
        }
        return more;
    }
}
