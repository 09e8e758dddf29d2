package com.signward.idserver.jakarta.internal;

import com.signward.idserver.RoleRule;
import com.signward.idserver.SignwardUser;
import com.signward.idserver.jakarta.SignwardPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How a {@link SignwardUser} becomes a Jakarta caller: the name is the {@code signward.principal.claim}; the groups
 * are {@link SignwardUser#groups()} (the mapped roles; custom roles unless {@code signward.roles.include-custom=false})
 * spelled so that the container's exact comparison follows the role rule: each group as given, with its ASCII
 * letters in lower case, and every role name the application declares ({@code @RolesAllowed}, {@code @DeclareRoles})
 * that matches a group under the rule — so {@code @RolesAllowed("Admin")} matches a token role {@code admin}, and
 * {@code admın} matches nothing ASCII.
 */
final class CallerIdentity {

    private CallerIdentity() {
    }

    /** The validation result for {@code user}, or {@code null} when the principal claim is missing. */
    static CredentialValidationResult of(SignwardUser user, SignwardDeployment settings, Set<String> declaredRoles) {
        Object name = user.claims().get(settings.principalClaim());
        if (name == null || name.toString().isBlank()) {
            return null;
        }
        return new CredentialValidationResult(new SignwardPrincipal(name.toString(), user),
                groups(user, declaredRoles));
    }

    static Set<String> groups(SignwardUser user, Set<String> declaredRoles) {
        Set<String> groups = new LinkedHashSet<>();
        for (String group : user.groups()) {
            groups.add(group);
            groups.add(RoleRule.fold(group));
        }
        for (String declared : declaredRoles) {
            if (user.inGroup(declared)) {
                groups.add(declared);
            }
        }
        return groups;
    }
}
