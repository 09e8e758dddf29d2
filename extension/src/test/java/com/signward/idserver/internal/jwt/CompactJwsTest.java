package com.signward.idserver.internal.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The one parse of a compact JWS: form, base64url, JSON objects without duplicate members. */
class CompactJwsTest {

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String header, String payload) {
        return b64(header) + "." + b64(payload) + ".c2ln";
    }

    private static void assertRejected(String token, String rule) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> CompactJws.parse(token));
        ValidatorFixture.assertMessage(e, rule, token);
    }

    @Test
    void parsesHeaderMembers() throws Exception {
        CompactJws jws = CompactJws.parse(token("{\"alg\":\"RS256\",\"kid\":\"k1\",\"typ\":\"at+jwt\"}",
                "{\"sub\":\"a\"}"));
        assertEquals("RS256", jws.alg());
        assertEquals("k1", jws.kid());
        assertEquals("at+jwt", jws.typ());
        assertEquals("a", jws.payload().get("sub"));
        assertEquals("sig", new String(jws.signature(), StandardCharsets.US_ASCII));
        assertTrue(jws.toString().contains("RS256"));
    }

    @Test
    void numbersNestingAndDepthAreRead() throws Exception {
        CompactJws jws = CompactJws.parse(token("{\"alg\":\"RS256\"}",
                "{\"n\":7,\"big\":123456789012345678901,\"f\":1.5,\"o\":{\"a\":[1,\"x\",null,true]}}"));
        assertEquals(7L, jws.payload().get("n"));
        assertEquals(new java.math.BigInteger("123456789012345678901"), jws.payload().get("big"));
        assertEquals(new java.math.BigDecimal("1.5"), jws.payload().get("f"));
        assertEquals(java.util.Arrays.asList(1L, "x", null, true),
                ((java.util.Map<?, ?>) jws.payload().get("o")).get("a"));
        String deep = "[".repeat(40) + "]".repeat(40);
        assertRejected(token("{\"alg\":\"RS256\"}", "{\"d\":" + deep + "}"), "nested too deeply");
        assertRejected(token("{\"alg\":\"RS256\"}", "[1]"), "payload is not a JSON object");
        assertRejected(token("{\"alg\":\"RS256\"}", "{\"a\":1} {}"), "payload is not a JSON object");
    }

    @Test
    void duplicateMembersAreRejected() {
        assertRejected(token("{\"alg\":\"RS256\"}", "{\"sub\":\"a\",\"sub\":\"b\"}"), "malformed");
        assertRejected(token("{\"alg\":\"RS256\"}", "{\"iss\":\"x\",\"aud\":\"y\",\"iss\":\"x\"}"), "malformed");
        assertRejected(token("{\"alg\":\"RS256\",\"alg\":\"none\"}", "{\"sub\":\"a\"}"), "malformed");
        assertRejected(token("{\"alg\":\"RS256\",\"kid\":\"a\",\"kid\":\"b\"}", "{}"), "malformed");
        // nested objects too
        assertRejected(token("{\"alg\":\"RS256\"}", "{\"o\":{\"x\":1,\"x\":2}}"), "malformed");
    }

    @Test
    void badBase64IsRejected() {
        assertRejected("eyJhbGciOiJSUzI1NiJ9.e.c2ln", "malformed"); // one character: no whole byte
        assertRejected("eyJhbGciOiJSUzI1NiJ9.e30.c", "malformed");
        assertRejected("eyJhbGciOiJSUzI1NiJ9.e30=.c2ln", "malformed"); // padding is not base64url
        assertRejected("eyJhbGciOiJSUzI1NiJ9.e+30.c2ln", "malformed");
        assertRejected("eyJhbGciOiJSUzI1NiJ9.e/30.c2ln", "malformed");
        assertRejected("eyJhbGciOiJSUzI1NiJ9 .e30.c2ln", "malformed");
    }

    @Test
    void jweIsRejected() {
        assertRejected("eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a2V5.aXY.Y2lwaGVy.dGFn",
                "encrypted tokens (JWE) are not accepted");
        assertRejected("a.b.c.d.e", "encrypted tokens (JWE) are not accepted");
    }

    @Test
    void otherFormsAreMalformed() {
        assertRejected("a.b", "malformed");
        assertRejected("a.b.c.d", "malformed");
        assertRejected(".e30.c2ln", "malformed");
        assertRejected(b64("{\"alg\":\"RS256\"}") + "..c2ln", "malformed");
        assertRejected(token("[]", "{}"), "malformed");
        assertRejected(token("{\"alg\":\"RS256\"}", "\"text\""), "malformed");
        assertRejected(token("{\"alg\":\"RS256\"}", "{\"sub\":"), "malformed");
        assertRejected(token("{}", "{}"), "malformed token: no alg header");
        assertRejected(token("{\"alg\":\"\"}", "{}"), "malformed token: no alg header");
        assertRejected(token("{\"alg\":256}", "{}"), "malformed token: alg header is not a string");
        assertRejected(token("{\"alg\":\"RS256\",\"typ\":[\"JWT\"]}", "{}"), "malformed token: typ header is not a string");
    }

    @Test
    void anEmptySignaturePartIsParsedForTheAlgorithmRule() throws Exception {
        CompactJws jws = CompactJws.parse(b64("{\"alg\":\"none\"}") + "." + b64("{}") + ".");
        assertEquals("none", jws.alg());
        assertEquals(0, jws.signature().length);
    }

    @Test
    void keyHeadersAndExtensionsAreRefused() {
        assertRejected(token("{\"alg\":\"RS256\",\"crit\":[\"exp\"],\"exp\":1}", "{}"), "crit header not supported");
        assertRejected(token("{\"alg\":\"RS256\",\"b64\":false}", "{}"), "b64 header not supported");
        for (String name : CompactJws.KEY_HEADERS) {
            assertRejected(token("{\"alg\":\"RS256\",\"" + name + "\":\"x\"}", "{}"), name + " header not accepted");
        }
    }
}
