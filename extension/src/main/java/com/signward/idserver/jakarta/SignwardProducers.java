package com.signward.idserver.jakarta;

import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/**
 * Produces the application's {@link SignwardClient} (built from configuration, closed at shutdown; it fetches
 * nothing until first used) and the current request's {@link SignwardUser} — the anonymous user when nobody is
 * authenticated, never {@code null}.
 */
@ApplicationScoped
public class SignwardProducers {

    @Inject
    SignwardExtension extension;

    @Inject
    Instance<HttpServletRequest> request;

    @Inject
    Instance<SecurityContext> securityContext;

    @Produces
    @ApplicationScoped
    SignwardClient client() {
        return new SignwardClient(extension.settings().options());
    }

    void close(@Disposes SignwardClient client) {
        client.close();
    }

    @Produces
    @RequestScoped
    SignwardUser currentUser() {
        SignwardUser fromRequest = fromRequestAttribute();
        return fromRequest != null ? fromRequest : fromSecurityContext();
    }

    private SignwardUser fromRequestAttribute() {
        try {
            AuthOutcome outcome = AuthOutcome.from(request.get().getAttribute(AuthOutcome.ATTRIBUTE));
            return outcome == null ? null : outcome.user();
        } catch (RuntimeException noHttpRequest) {
            return null;
        }
    }

    private SignwardUser fromSecurityContext() {
        try {
            Set<SignwardPrincipal> principals = securityContext.get().getPrincipalsByType(SignwardPrincipal.class);
            return principals.isEmpty() ? SignwardUser.anonymous() : principals.iterator().next().user();
        } catch (RuntimeException noSecurityContext) {
            return SignwardUser.anonymous();
        }
    }
}
