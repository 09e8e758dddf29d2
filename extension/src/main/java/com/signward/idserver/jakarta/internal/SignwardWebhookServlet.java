package com.signward.idserver.jakarta.internal;

import com.signward.idserver.internal.webhook.WebhookHandler;
import com.signward.idserver.internal.webhook.WebhookRejectedException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The webhook endpoint ({@code signward.webhooks.path}, POST only), registered by
 * {@link SignwardServletInitializer} when webhooks are enabled. Servlet glue around {@link SignwardWebhooks}: reads
 * at most 1 MiB and answers a small JSON object ({@code {"status":"ok"}} or {@code {"error":"<code>"}}), never a
 * stack trace.
 */
public class SignwardWebhookServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String SIGNATURE = "Signward-Signature";
    static final String EVENT = "Signward-Event";
    static final String DELIVERY_ID = "Signward-Delivery-Id";

    private transient volatile SignwardWebhooks webhooks;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String deliveryId = request.getHeader(DELIVERY_ID);
        WebhookHandler.Outcome outcome;
        try {
            byte[] body = WebhookHandler.readBody(request.getInputStream(), request.getContentLengthLong());
            outcome = webhooks().handle(request.getHeader(SIGNATURE), request.getHeader(EVENT), deliveryId, body);
        } catch (WebhookRejectedException e) {
            outcome = WebhookHandler.rejected(e.reason(), deliveryId);
        }
        response.setStatus(outcome.status());
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        String json = outcome.status() < 300 ? "{\"status\":\"" + outcome.code() + "\"}"
                : "{\"error\":\"" + outcome.code() + "\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private SignwardWebhooks webhooks() {
        SignwardWebhooks current = webhooks;
        if (current == null) {
            current = CDI.current().select(SignwardWebhooks.class).get();
            webhooks = current;
        }
        return current;
    }
}
