package com.signward.idserver.testkit.internal;

import java.net.URI;
import java.util.List;

/**
 * A registered client as the endpoints see it (the public {@code Registration} converted).
 *
 * @param id                     the client id
 * @param secret                 the secret, or {@code null} for a public client
 * @param redirectUris           exact redirect URIs
 * @param postLogoutRedirectUris exact post-logout redirect URIs
 * @param backchannelLogoutUri   the back-channel logout URI, or {@code null}
 */
public record Registration(String id, String secret, List<String> redirectUris, List<String> postLogoutRedirectUris,
                           URI backchannelLogoutUri) {

    /** Whether the client has a secret. */
    public boolean isConfidential() {
        return secret != null;
    }
}
