package com.signward.it.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * mock-oauth2-server's interactive login page, driven as a user would: GET the authorization URL (the login
 * form), fill in the user name and the claims JSON, submit it; the provider answers with the redirect to the
 * application's callback.
 */
public final class IdpLogin {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile("<(?:input|textarea|select)\\b[^>]*\\bname=\"([^\"]+)\"",
            Pattern.CASE_INSENSITIVE);

    private IdpLogin() {
    }

    /**
     * Signs {@code user} in at the provider's login page for this authorization request.
     *
     * @return the provider's redirect to the application's callback (not followed)
     */
    public static Browser.Page signIn(Browser browser, URI authorizeUrl, TestUser user) {
        Browser.Page page = browser.get(authorizeUrl);
        assertEquals(200, page.status(), page::describe);
        Form form = form(page);
        assertTrue(form.fields().containsAll(List.of("username", "claims")),
                () -> "the login form has other fields than expected: " + form.fields());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("username", user.sub());
        values.put("claims", claimsJson(user));
        Browser.Page answer = browser.post(form.action(), values);
        assertEquals(302, answer.status(), answer::describe);
        return answer;
    }

    /** The user's claims as typed into the login page's claims field. */
    public static String claimsJson(TestUser user) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        user.claims().forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                values.forEach(v -> array.add(String.valueOf(v)));
                json.add(name, array);
            } else if (value instanceof Boolean b) {
                json.add(name, b);
            } else if (value != null) {
                json.add(name, String.valueOf(value));
            }
        });
        return json.build().toString();
    }

    /**
     * @param action where the form posts to (resolved; the page's own URL when the form names none)
     * @param fields the names of its fields
     */
    record Form(URI action, List<String> fields) {
    }

    static Form form(Browser.Page page) {
        Matcher form = FORM.matcher(page.body());
        assertTrue(form.find(), () -> "no form on the login page: " + page.describe());
        String attributes = form.group(1);
        assertTrue(attributes.toLowerCase().contains("method=\"post\""), () -> "not a POST form: " + attributes);
        Matcher action = Pattern.compile("\\baction=\"([^\"]*)\"").matcher(attributes);
        URI target = action.find() && !action.group(1).isEmpty() ? page.uri().resolve(action.group(1)) : page.uri();
        List<String> fields = new ArrayList<>();
        Matcher field = FIELD.matcher(form.group(2));
        while (field.find()) {
            fields.add(field.group(1));
        }
        return new Form(target, fields);
    }
}
