package com.signward.idserver.jakarta;

import com.signward.idserver.InvalidTokenException;
import com.signward.idserver.SignwardClient;
import com.signward.idserver.SignwardException;
import com.signward.idserver.SignwardUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.EnumSet;
import java.util.Set;

/**
 * Validates {@link BearerTokenCredential}s locally through {@link SignwardClient#validateToken(String)}; the caller
 * and groups follow {@link CallerIdentity}. Other credential types are not validated.
 */
@ApplicationScoped
public class SignwardIdentityStore implements IdentityStore {

    private static final System.Logger LOG = System.getLogger(SignwardIdentityStore.class.getName());

    @Inject
    SignwardClient client;

    @Inject
    SignwardExtension extension;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof BearerTokenCredential bearer)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        SignwardUser user;
        try {
            user = client.validateToken(bearer.token());
        } catch (InvalidTokenException e) {
            bearer.rejected(e.getMessage(), false);
            return CredentialValidationResult.INVALID_RESULT;
        } catch (SignwardException e) {
            LOG.log(System.Logger.Level.WARNING, "Signward: a token could not be verified: {0}", e.getMessage());
            bearer.rejected("token could not be verified: Signward is unavailable", true);
            return CredentialValidationResult.INVALID_RESULT;
        }
        SignwardSettings settings = extension.settings();
        CredentialValidationResult result = CallerIdentity.of(user, settings);
        if (result == null) {
            bearer.rejected("token has no " + settings.principalClaim() + " claim", false);
            return CredentialValidationResult.INVALID_RESULT;
        }
        bearer.accepted(user);
        return result;
    }

    /**
     * The roles of a Signward caller. The identity store handler keeps the groups of a {@code validate} result only
     * from stores that also declare {@link ValidationType#PROVIDE_GROUPS}; other callers get none from here.
     */
    @Override
    public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
        return validationResult.getCallerPrincipal() instanceof SignwardPrincipal principal
                ? CallerIdentity.groups(principal.user(), extension.settings())
                : Set.of();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }
}
