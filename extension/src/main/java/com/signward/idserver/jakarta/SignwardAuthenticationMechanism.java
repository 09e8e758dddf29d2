package com.signward.idserver.jakarta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The one authentication mechanism of a Signward application: bearer access tokens (RFC 6750).
 * <ul>
 *   <li>valid token: the caller is logged in with its roles as groups;</li>
 *   <li>no token: anonymous; a protected URL (web.xml constraint) answers 401 {@code Bearer realm="…"};</li>
 *   <li>invalid token: 401 {@code error="invalid_token"} on every URL, public ones included — a presented bad
 *       credential is always rejected. On URLs without a constraint the answer is written by
 *       {@code RejectedCredentialFilter}, because not every runtime honours a failure there.</li>
 * </ul>
 * The outcome is stored as the {@link AuthOutcome} request attribute for the other layers.
 */
@ApplicationScoped
public class SignwardAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStoreHandler;

    @Inject
    SignwardExtension extension;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String realm = extension.settings().realm();
        BearerHeader header = BearerHeader.of(request);
        switch (header.kind()) {
            case ABSENT:
                request.setAttribute(AuthOutcome.ATTRIBUTE, AuthOutcome.anonymous(realm));
                if (mustChallenge(context)) {
                    return send(context, () -> Challenge.writeAuthenticationRequired(response, realm));
                }
                return context.doNothing();
            case MALFORMED:
                return reject(context, AuthOutcome.rejected(realm, "malformed Authorization header", 401));
            default:
                return authenticate(context, header.token(), realm);
        }
    }

    private AuthenticationStatus authenticate(HttpMessageContext context, String token, String realm) {
        BearerTokenCredential credential = new BearerTokenCredential(token);
        CredentialValidationResult result = identityStoreHandler.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID && credential.user() != null) {
            context.getRequest().setAttribute(AuthOutcome.ATTRIBUTE,
                    AuthOutcome.authenticated(credential.user(), realm));
            return context.notifyContainerAboutLogin(result);
        }
        String reason = credential.rejection() != null ? credential.rejection() : "token rejected";
        return reject(context, AuthOutcome.rejected(realm, reason, credential.unavailable() ? 503 : 401));
    }

    private AuthenticationStatus reject(HttpMessageContext context, AuthOutcome outcome) {
        context.getRequest().setAttribute(AuthOutcome.ATTRIBUTE, outcome);
        if (mustChallenge(context)) {
            return send(context, () -> Challenge.writeRejection(context.getResponse(), outcome));
        }
        // RejectedCredentialFilter answers for URLs without a security constraint
        return context.doNothing();
    }

    /** Payara also calls mechanisms for programmatic authentication of public resources: never challenge those. */
    private static boolean mustChallenge(HttpMessageContext context) {
        return context.isProtected() && !context.isAuthenticationRequest();
    }

    private static AuthenticationStatus send(HttpMessageContext context, ResponseWriter writer) {
        try {
            writer.write();
        } catch (IOException e) {
            // the client went away; nothing else to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    @FunctionalInterface
    private interface ResponseWriter {
        void write() throws IOException;
    }
}
