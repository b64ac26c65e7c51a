package dev.stride.api;

import dev.stride.domain.FieldError;
import dev.stride.domain.Invalid;
import java.util.List;

/**
 * An HTTP answer other than success, as problem+json writes it: those only the HTTP edge can cause
 * (an unreadable body, no identity, the database out of reach), and what {@link Api#problem} makes
 * of the domain's failures. Written in one place, {@link Api#handle}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Integer retryAfterSeconds;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        this(status, type, title, detail, errors, status == 503 ? 1 : null);
    }

    private ProblemException(int status, String type, String title, String detail, List<FieldError> errors,
                             Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The {@code Retry-After} header's seconds: every 503 has one. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }

    static final String TYPE = "https://stride.dev/problems/";

    /** A validation error, every bad field at once, for an edge outside the domain (the local server's token endpoint). */
    public static ProblemException invalid(List<FieldError> errors) {
        return Api.problem(new Invalid(errors));
    }

    /** A request that cannot be read at all (malformed JSON, a body that is not an object). */
    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, TYPE + "bad-request", "Bad Request", detail, null);
    }

    public static ProblemException payloadTooLarge(int limitBytes) {
        return new ProblemException(413, TYPE + "payload-too-large", "Payload Too Large",
                "the request body is larger than " + limitBytes / 1024 + " KiB", null);
    }

    public static ProblemException unsupportedMediaType(String contentType) {
        return new ProblemException(415, TYPE + "unsupported-media-type", "Unsupported Media Type",
                "the request body must be application/json, not " + contentType, null);
    }

    /** An {@code Idempotency-Key} that is not 1–255 visible ASCII characters. */
    public static ProblemException badIdempotencyKey() {
        return invalid(List.of(new FieldError("Idempotency-Key", "must be 1 to 255 visible ASCII characters")));
    }

    /** The first request with this key is still being served. */
    public static ProblemException idempotencyKeyInFlight() {
        return new ProblemException(409, TYPE + "idempotency-key-in-use", "Conflict",
                "a request with this Idempotency-Key is still being served; repeat it once that one is answered", null);
    }

    /** The key was used before for a different request. */
    public static ProblemException idempotencyKeyReused() {
        return new ProblemException(422, TYPE + "idempotency-key-reused", "Unprocessable Content",
                "this Idempotency-Key was used for a different request in the last 24 hours; use a new key for a new request", null);
    }

    public static ProblemException unauthorized() {
        return new ProblemException(401, TYPE + "unauthorized", "Unauthorized",
                "the request carries no verified identity", null);
    }

    public static ProblemException internalError() {
        return new ProblemException(500, TYPE + "internal-error", "Internal Server Error",
                "the request could not be completed; it has been logged", null);
    }

    public static ProblemException unavailable() {
        return unavailable(5, "the database is not reachable right now; try again shortly");
    }

    /** Nothing was done; the same request may be sent again after {@code retryAfterSeconds}. */
    public static ProblemException unavailable(int retryAfterSeconds, String detail) {
        return new ProblemException(503, TYPE + "unavailable", "Service Unavailable", detail, null, retryAfterSeconds);
    }

    /**
     * The connection broke while the change was being committed: it may or may not be saved, so
     * the answer does not invite a blind retry (a create sent again could be stored twice).
     */
    public static ProblemException outcomeUnknown(int retryAfterSeconds) {
        return new ProblemException(503, TYPE + "outcome-unknown", "Service Unavailable",
                "the connection to the database was lost while the change was being saved: it may or may not have been"
                        + " saved; read the resource before sending it again, or send creates with an Idempotency-Key",
                null, retryAfterSeconds);
    }
}
