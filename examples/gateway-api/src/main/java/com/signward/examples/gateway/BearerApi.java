package com.signward.examples.gateway;

import com.signward.idserver.jakarta.SignwardTokenPropagation;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.StringReader;

/**
 * The downstream API (the bearer-api example) through one JAX-RS client with {@link SignwardTokenPropagation}
 * registered: every call carries the current caller's access token, because the bearer-api's host is listed in
 * {@code signward.propagation.allowed-hosts}. Nothing here touches a token.
 */
@ApplicationScoped
public class BearerApi {

    @Inject
    @ConfigProperty(name = "gateway.bearer-api.url")
    String url;

    private Client client;

    @PostConstruct
    void open() {
        client = ClientBuilder.newClient().register(SignwardTokenPropagation.class);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * {@code GET /me} of the bearer API, as the caller.
     *
     * @return its status and, on 200, its body
     */
    Answer me() {
        try (Response response = client.target(url).path("me").request(MediaType.APPLICATION_JSON).get()) {
            if (response.getStatus() != 200) {
                return new Answer(response.getStatus(), null);
            }
            try (JsonReader reader = Json.createReader(new StringReader(response.readEntity(String.class)))) {
                return new Answer(200, reader.readObject());
            }
        }
    }

    /** What the bearer API answered. */
    record Answer(int status, JsonObject body) {
    }
}
