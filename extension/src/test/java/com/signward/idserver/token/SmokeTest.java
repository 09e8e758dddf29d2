package com.signward.idserver.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void rs256() throws Exception {
        ValidatorFixture f = new ValidatorFixture(TestKeys.RSA_1);
        String token = f.tokens.token().signWith(TestKeys.RSA_1);
        assertEquals(TestTokens.ISSUER, f.validate(token).getString("iss"));
        f.assertRejected(f.tokens.token().claim("iss", "x").signWith(TestKeys.RSA_1), "issuer mismatch");
        f.assertRejected(f.tokens.token().time("exp", -100).signWith(TestKeys.RSA_1), "token expired");
    }
}
