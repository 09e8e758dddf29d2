package com.signward.examples.webapp;

import com.signward.idserver.jakarta.SignwardEvent;
import com.signward.idserver.jakarta.SignwardEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Observes Signward's {@code user.login} webhook: the jar has verified the signature and dropped repeated
 * deliveries before this method runs. Keeps the last few events for the {@code /events} page.
 */
@ApplicationScoped
public class LoginEvents {

    private static final int KEEP = 20;
    private final Deque<SignwardEvent> last = new ArrayDeque<>();

    void onLogin(@Observes @SignwardEventType("user.login") SignwardEvent event) {
        synchronized (last) {
            last.addFirst(event);
            if (last.size() > KEEP) {
                last.removeLast();
            }
        }
    }

    /** The most recent first. */
    public List<SignwardEvent> recent() {
        synchronized (last) {
            return List.copyOf(last);
        }
    }
}
