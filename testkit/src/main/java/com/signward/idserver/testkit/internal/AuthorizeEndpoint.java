package com.signward.idserver.testkit.internal;


import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /connect/authorize}: the Authorization Code flow as Signward runs it. An unknown client or a redirect URI
 * that is not registered exactly gets an error page (never a redirect); otherwise errors go back to the client.
 * PKCE is mandatory, S256 only. The user is the one chosen with {@code loginAs}, or, with the login form on, the
 * one picked on the form. The answer carries {@code code}, {@code state} and {@code iss} (RFC 9207).
 */
final class AuthorizeEndpoint extends Endpoint {

    /** The form field that names the chosen user. */
    static final String USER_FIELD = "login_user";
    private static final List<String> REQUEST_PARAMS = List.of("response_type", "client_id", "redirect_uri", "scope",
            "state", "nonce", "code_challenge", "code_challenge_method");
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(2);

    AuthorizeEndpoint(Provider provider, String basePath) {
        super(provider, basePath);
    }

    @Override
    void answer(Call call) throws IOException {
        Optional<Registration> client = provider.client(call.paramOrNull("client_id"));
        String redirectUri = call.paramOrNull("redirect_uri");
        if (client.isEmpty() || redirectUri == null || !client.get().redirectUris().contains(redirectUri)) {
            call.html(400, LoginPage.error("Unknown client or redirect URI not registered."));
            return;
        }
        String state = call.paramOrNull("state");
        if (!"code".equals(call.paramOrNull("response_type"))) {
            back(call, redirectUri, Map.of("error", "unsupported_response_type"), state);
            return;
        }
        String challenge = call.paramOrNull("code_challenge");
        if (challenge == null || !"S256".equals(call.paramOrNull("code_challenge_method"))
                || !challenge.matches("[A-Za-z0-9_-]{43}")) {
            back(call, redirectUri, Map.of("error", "invalid_request",
                    "error_description", "PKCE with code_challenge_method S256 is required"), state);
            return;
        }
        Optional<Identity> user = user(call);
        if (user.isEmpty()) {
            if (provider.loginForm() && call.is("GET")) {
                call.html(200, LoginPage.form(provider.issuer() + Provider.AUTHORIZE, hidden(call),
                        provider.formUsers(), USER_FIELD));
            } else {
                back(call, redirectUri, Map.of("error", "login_required"), state);
            }
            return;
        }
        String scope = call.param("scope").orElse("openid");
        Grants.Session session = new Grants.Session(Grants.random(), client.get().id(), user.get(), scope,
                Instant.now().getEpochSecond());
        String code = provider.grants().issueCode(new Grants.Code(session, redirectUri, challenge,
                call.paramOrNull("nonce"), Instant.now().plus(CODE_LIFETIME)));
        back(call, redirectUri, Map.of("code", code), state);
    }

    /** The user of this request: picked on the form, else the one set by {@code loginAs} (unless the form is on). */
    private Optional<Identity> user(Call call) {
        Optional<String> picked = call.param(USER_FIELD);
        if (picked.isPresent()) {
            return provider.formUsers().stream().filter(u -> u.id().equals(picked.get())).findFirst();
        }
        return provider.loginForm() ? Optional.empty() : Optional.ofNullable(provider.loginUser());
    }

    private Map<String, String> hidden(Call call) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : REQUEST_PARAMS) {
            call.param(name).ifPresent(v -> fields.put(name, v));
        }
        return fields;
    }

    private void back(Call call, String redirectUri, Map<String, String> params, String state) throws IOException {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.put("state", state);
        all.put("iss", provider.issuer());
        call.redirect(Call.withQuery(redirectUri, all));
    }
}
