package com.signward.idserver.jakarta.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChallengeTest {

    @Test
    void bearerChallengeNamesTheRealm() {
        assertEquals("Bearer realm=\"my-api\"", Challenge.bearer("my-api"));
    }

    @Test
    void invalidTokenChallengeFollowsRfc6750() {
        assertEquals("Bearer realm=\"my-api\", error=\"invalid_token\", error_description=\"token expired\"",
                Challenge.invalidToken("my-api", "token expired"));
    }

    @Test
    void quotesBackslashesAndControlCharactersNeverBreakTheHeader() {
        assertEquals("Bearer realm=\"a\", error=\"invalid_token\", error_description=\"bad x y\"",
                Challenge.invalidToken("a\"", "bad \"x\"\r\n y\\"));
    }

    @Test
    void resourceMetadataIsNamedInBothChallengesWhenGiven() {
        String url = "https://api.example.com/app/.well-known/oauth-protected-resource";
        assertEquals("Bearer realm=\"my-api\", resource_metadata=\"" + url + "\"", Challenge.bearer("my-api", url));
        assertEquals("Bearer realm=\"my-api\", resource_metadata=\"" + url + "\", error=\"invalid_token\", "
                + "error_description=\"token expired\"", Challenge.invalidToken("my-api", "token expired", url));
        assertEquals(Challenge.bearer("my-api"), Challenge.bearer("my-api", null));
    }

    @Test
    void bodyIsSmallJson() {
        assertEquals("{\"error\":\"invalid_token\",\"error_description\":\"token expired\"}",
                Challenge.body("invalid_token", "token expired"));
    }
}
