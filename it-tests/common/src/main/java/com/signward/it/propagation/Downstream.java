package com.signward.it.propagation;

import com.signward.idserver.jakarta.SignwardTokenPropagation;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;

/** The application's JAX-RS client for downstream calls, with the filter registered by class, as users do. */
@ApplicationScoped
public class Downstream {

    private Client client;

    @PostConstruct
    void open() {
        client = ClientBuilder.newClient().register(SignwardTokenPropagation.class);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    Client client() {
        return client;
    }
}
