package com.signward.idserver.jakarta.internal;

import com.signward.idserver.SignwardUser;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;

import java.util.ArrayList;
import java.util.Set;

/**
 * The MicroProfile JWT view of a bearer caller: the claims Signward already verified, turned into smallrye-jwt's
 * {@link DefaultJWTCallerPrincipal} on first use (no second verification, nothing parsed again). {@code groups} is
 * the user's mapped groups ({@link SignwardUser#groups()}), so {@link #getGroups()} agrees with
 * {@code @RolesAllowed}. Thread-safe.
 */
final class SignwardJsonWebToken implements JsonWebToken {

    private final SignwardUser user;
    private final String rawToken;
    private volatile JsonWebToken view;

    SignwardJsonWebToken(SignwardUser user, String rawToken) {
        this.user = user;
        this.rawToken = rawToken;
    }

    private JsonWebToken view() {
        JsonWebToken current = view;
        if (current == null) {
            JwtClaims claims = new JwtClaims();
            user.claims().forEach(claims::setClaim);
            claims.setStringListClaim(Claims.groups.name(), new ArrayList<>(user.groups()));
            current = new DefaultJWTCallerPrincipal(rawToken, "JWT", claims);
            view = current;
        }
        return current;
    }

    @Override
    public String getName() {
        return view().getName();
    }

    @Override
    public Set<String> getClaimNames() {
        return view().getClaimNames();
    }

    @Override
    public <T> T getClaim(String name) {
        return view().getClaim(name);
    }

    @Override
    public String toString() {
        return "SignwardJsonWebToken[sub=" + user.claims().get("sub") + "]";
    }
}
