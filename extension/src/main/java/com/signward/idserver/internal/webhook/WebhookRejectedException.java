package com.signward.idserver.internal.webhook;

/** A webhook request that is not acknowledged; the reason is safe to log and to answer (no secret, no body). */
public final class WebhookRejectedException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, with the HTTP status and the error code answered. */
    public enum Reason {
        MISSING_SIGNATURE(400, "missing_signature", "no Signward-Signature header"),
        MALFORMED_SIGNATURE(400, "malformed_signature", "the Signward-Signature header is malformed"),
        SIGNATURE_MISMATCH(400, "invalid_signature", "no signature matches any configured secret"),
        TIMESTAMP_OUT_OF_TOLERANCE(400, "stale_timestamp", "the signature timestamp is outside the tolerance"),
        MISSING_HEADER(400, "missing_header", "the Signward-Event or Signward-Delivery-Id header is missing or invalid"),
        INVALID_BODY(400, "invalid_body", "the body is not a JSON object"),
        BODY_TOO_LARGE(413, "body_too_large", "the body is larger than 1 MiB");

        private final int status;
        private final String code;
        private final String description;

        Reason(int status, String code, String description) {
            this.status = status;
            this.code = code;
            this.description = description;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public String description() {
            return description;
        }
    }

    private final Reason reason;

    public WebhookRejectedException(Reason reason) {
        super(reason.description(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
