/**
 * <b>Internal, not an API:</b> may change in any release without notice.
 *
 * <p>Signward webhooks, independent of servlets and CDI: {@link com.signward.idserver.internal.webhook.WebhookVerifier}
 * checks {@code Signward-Signature: t=…,v1=…} (HMAC-SHA256 over {@code t.body} with the JDK's {@code Mac}, constant-time
 * comparison, a timestamp tolerance, any of several secrets), {@link com.signward.idserver.internal.webhook.DeliveryLog}
 * remembers delivery ids, and {@link com.signward.idserver.internal.webhook.WebhookHandler} turns one request into
 * a status code, calling the application's observers only for a verified, first-seen delivery. Depends on no other
 * package of the SDK but the metrics seam ({@code internal.metrics}).
 */
package com.signward.idserver.internal.webhook;
