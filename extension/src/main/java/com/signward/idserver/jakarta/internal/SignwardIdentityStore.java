package com.signward.idserver.jakarta.internal;

import com.signward.idserver.jakarta.BearerTokenCredential;
import com.signward.idserver.jakarta.SignwardPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.ServletContext;

import java.util.EnumSet;
import java.util.Set;

/**
 * Validates {@link BearerTokenCredential}s locally for applications that call {@code IdentityStoreHandler}
 * themselves (their own mechanism), with the same {@link BearerAuthenticator} as Signward's mechanism; the caller and
 * groups follow {@link CallerIdentity}. Other credential types are not validated.
 */
@ApplicationScoped
public class SignwardIdentityStore implements IdentityStore {

    @Inject
    SignwardProducers producers;

    @Inject
    SignwardExtension extension;

    @Inject
    ServletContext servletContext;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof BearerTokenCredential bearer)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        BearerAuthenticator.Verdict verdict =
                BearerAuthenticator.authenticate(producers.tenants(), extension.deployment(),
                        DeclaredRoles.of(servletContext), bearer.token());
        return verdict.result() != null ? verdict.result() : CredentialValidationResult.INVALID_RESULT;
    }

    /**
     * The roles of a Signward caller. The identity store handler keeps the groups of a {@code validate} result only
     * from stores that also declare {@link ValidationType#PROVIDE_GROUPS}; other callers get none from here.
     */
    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return validationResult.getCallerPrincipal() instanceof SignwardPrincipal principal
                ? CallerIdentity.groups(principal.user(), DeclaredRoles.of(servletContext))
                : Set.of();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
