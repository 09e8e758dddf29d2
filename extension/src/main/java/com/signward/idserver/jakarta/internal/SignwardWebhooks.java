package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.webhook.DeliveryLog;
import com.signward.idserver.internal.webhook.InMemoryDeliveryLog;
import com.signward.idserver.internal.webhook.WebhookDelivery;
import com.signward.idserver.internal.webhook.WebhookHandler;
import com.signward.idserver.internal.webhook.WebhookVerifier;
import com.signward.idserver.jakarta.SignwardEvent;
import com.signward.idserver.jakarta.SignwardEventType;
import com.signward.idserver.web.state.StateStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * The webhook endpoint's logic as a bean: verifies deliveries with the configured secrets, remembers delivery ids
 * (in the sessions' state store with browser login on, else in memory), and fires each new delivery as a {@link SignwardEvent} qualified with its {@link SignwardEventType}.
 * Used by {@link SignwardWebhookServlet}; present only when webhooks are enabled.
 */
@ApplicationScoped
public class SignwardWebhooks {

    @Inject
    SignwardExtension extension;

    @Inject
    Event<SignwardEvent> events;

    private WebhookHandler handler;

    @PostConstruct
    void init() {
        WebhookSettings settings = extension.webhooks()
                .orElseThrow(() -> new IllegalStateException("Signward webhooks are not enabled"));
        Clock clock = Clock.systemUTC();
        handler = new WebhookHandler(new WebhookVerifier(settings.secrets(), WebhookVerifier.DEFAULT_TOLERANCE, clock),
                deliveryLog(), this::fire, clock);
    }

    /** The sessions' state store when browser login is on (shared by a cluster with JCache), else in memory. */
    private DeliveryLog deliveryLog() {
        StateStore store = extension.stateStore();
        if (store != null) {
            return new StateStoreDeliveryLog(store, extension.deployment().options().clientId(),
                    InMemoryDeliveryLog.DEFAULT_TTL);
        }
        return new InMemoryDeliveryLog(InMemoryDeliveryLog.DEFAULT_TTL, InMemoryDeliveryLog.DEFAULT_MAX_ENTRIES);
    }

    /** See {@link WebhookHandler#handle}. */
    public WebhookHandler.Outcome handle(String signature, String type, String deliveryId, byte[] body) {
        return handler.handle(signature, type, deliveryId, body);
    }

    private void fire(WebhookDelivery delivery) {
        events.select(new TypeLiteral(delivery.type()))
                .fire(new SignwardEvent(delivery.type(), delivery.deliveryId(), delivery.timestamp(), delivery.data()));
    }

    /** {@code @SignwardEventType(value)} as an instance. */
    @SuppressWarnings("all")
    static final class TypeLiteral extends AnnotationLiteral<SignwardEventType> implements SignwardEventType {
        private static final long serialVersionUID = 1L;
        private final String value;

        TypeLiteral(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
