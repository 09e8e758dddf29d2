package com.signward.it.ops;

import com.signward.idserver.jakarta.SignwardEvent;
import com.signward.idserver.jakarta.SignwardEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Observes Signward webhook events as an application does: every event, and {@code user.created} events through
 * the qualifier. An event whose data holds {@code "fail": true} makes the observer throw (the endpoint must then
 * answer 500 so that Signward retries).
 */
@ApplicationScoped
public class WebhookRecorder {

    private final List<SignwardEvent> all = new CopyOnWriteArrayList<>();
    private final List<SignwardEvent> created = new CopyOnWriteArrayList<>();

    void onEvent(@Observes SignwardEvent event) {
        if (event.data().getBoolean("fail", false)) {
            throw new IllegalStateException("observer failure requested by the test");
        }
        all.add(event);
    }

    void onUserCreated(@Observes @SignwardEventType("user.created") SignwardEvent event) {
        created.add(event);
    }

    public List<SignwardEvent> all() {
        return all;
    }

    public List<SignwardEvent> created() {
        return created;
    }
}
