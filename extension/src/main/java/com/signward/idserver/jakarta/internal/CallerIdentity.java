package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardUser;
import com.signward.idserver.jakarta.SignwardPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How a {@link SignwardUser} becomes a Jakarta caller: the name is the {@code signward.principal.claim}; the groups
 * are the built-in roles and, unless {@code signward.roles.include-custom=false}, the custom roles — each as given
 * and in lower case, so that {@code @RolesAllowed("admin")} matches a token role {@code Admin}.
 */
final class CallerIdentity {

    private CallerIdentity() {
    }

    /** The validation result for {@code user}, or {@code null} when the principal claim is missing. */
    static CredentialValidationResult of(SignwardUser user, SignwardDeployment settings) {
        Object name = user.claims().get(settings.principalClaim());
        if (name == null || name.toString().isBlank()) {
            return null;
        }
        return new CredentialValidationResult(new SignwardPrincipal(name.toString(), user), groups(user, settings));
    }

    static Set<String> groups(SignwardUser user, SignwardDeployment settings) {
        Set<String> groups = new LinkedHashSet<>();
        addWithLowerCase(groups, user.roles());
        if (settings.includeCustomRoles()) {
            addWithLowerCase(groups, user.customRoles());
        }
        return groups;
    }

    private static void addWithLowerCase(Set<String> groups, Iterable<String> roles) {
        for (String role : roles) {
            groups.add(role);
            groups.add(role.toLowerCase(Locale.ROOT));
        }
    }
}
