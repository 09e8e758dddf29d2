package com.signward.it.authz;

import jakarta.json.JsonObject;

/** The small JSON answers of the test resources. */
final class Json {

    private Json() {
    }

    static JsonObject resource(String name) {
        return jakarta.json.Json.createObjectBuilder().add("resource", name).build();
    }
}
