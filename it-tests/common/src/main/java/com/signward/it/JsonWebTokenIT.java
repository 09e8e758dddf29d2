package com.signward.it;

import com.signward.it.support.AuthzWars;
import com.signward.it.support.Expect;
import com.signward.it.support.Http;
import com.signward.it.support.MockIdp;
import com.signward.it.support.TestUser;
import com.signward.it.support.Tokens;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code @Inject JsonWebToken} for a bearer caller: the verified token, groups = the mapped roles. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JsonWebTokenIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AuthzWars.war("signward-jwt", "com.signward.it.authz",
                AuthzWars.config("signward.roles.map.owner", "admin,owner"));
    }

    @Test
    void aBearerCallerGetsTheVerifiedToken() {
        TestUser owner = TestUser.named("olga").withRoles("owner").withCustomRoles("billing");
        String token = Tokens.valid(owner);
        JsonObject jwt = Expect.ok(new Http(base).get("api/jwt", token));
        assertEquals(owner.sub(), jwt.getString("subject"), jwt::toString);
        assertEquals(MockIdp.get().authority(), jwt.getString("issuer"), jwt::toString);
        assertEquals(token, jwt.getString("rawToken"));
        assertEquals(owner.tenantId(), jwt.getString("tenant"), jwt::toString);
        assertTrue(Long.parseLong(jwt.get("expires").toString()) > System.currentTimeMillis() / 1000, jwt::toString);
        assertEquals(Set.of("admin", "owner", "billing"), jwt.getJsonArray("groups").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).collect(Collectors.toSet()), jwt::toString);
    }

    @Test
    void eachRequestSeesItsOwnCaller() {
        TestUser first = TestUser.named("fred");
        TestUser second = TestUser.named("sara");
        assertEquals(first.sub(), Expect.ok(new Http(base).get("api/jwt", Tokens.valid(first))).getString("subject"));
        assertEquals(second.sub(), Expect.ok(new Http(base).get("api/jwt", Tokens.valid(second))).getString("subject"));
    }
}
