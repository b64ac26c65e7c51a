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

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
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

    public static ProblemException unauthorized() {
        return new ProblemException(401, TYPE + "unauthorized", "Unauthorized",
                "the request carries no verified identity", null);
    }

    public static ProblemException internalError() {
        return new ProblemException(500, TYPE + "internal-error", "Internal Server Error",
                "the request could not be completed; it has been logged", null);
    }

    public static ProblemException unavailable() {
        return new ProblemException(503, TYPE + "unavailable", "Service Unavailable",
                "the database is not reachable right now; try again shortly", null);
    }
}
