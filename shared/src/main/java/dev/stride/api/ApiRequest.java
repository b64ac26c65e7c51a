package dev.stride.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.domain.Caller;
import dev.stride.domain.FieldError;
import dev.stride.domain.Invalid;
import dev.stride.domain.Patch;
import dev.stride.domain.UserRef;
import dev.stride.json.Dates;
import dev.stride.json.Json;
import dev.stride.json.RequestBinder;
import dev.stride.paging.DateRange;
import dev.stride.paging.ListParameters;
import dev.stride.paging.ListQuery;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** An HTTP API (payload 2.0) event, read the way every Stride handler reads it. */
public final class ApiRequest {

    /** Bodies above this answer 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final APIGatewayV2HTTPEvent event;

    ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    /** The verified identity from the JWT authorizer's claims. */
    public Caller caller() {
        var context = event.getRequestContext();
        var authorizer = context == null ? null : context.getAuthorizer();
        var jwt = authorizer == null ? null : authorizer.getJwt();
        return Claims.caller(jwt == null ? null : jwt.getClaims());
    }

    /** A positive 64-bit ID from the path; anything else is a 400 naming the parameter. */
    public long id(String name) {
        String raw = pathParameter(name);
        Long id = parseId(raw);
        if (id == null) {
            throw Invalid.field(name, "must be a positive integer");
        }
        return id;
    }

    /** A user ID from the path, where {@code me} stands for the caller's own. */
    public UserRef userRef(String name) {
        String raw = pathParameter(name);
        if ("me".equals(raw)) {
            return new UserRef.Me();
        }
        Long id = parseId(raw);
        if (id == null) {
            throw Invalid.field(name, "must be a positive integer or \"me\"");
        }
        return new UserRef.Id(id);
    }

    /**
     * The parameters of a list, all checked at once: {@code limit}, {@code cursor}, and the filter
     * that {@code filter} reads (e.g. {@link ListParameters#dates}); other parameters are ignored.
     */
    public <F> ListQuery<F> listQuery(Function<ListParameters, F> filter) {
        Parameters parameters = new Parameters();
        int limit = parameters.limit();
        String cursor = parameters.get("cursor");
        if (cursor != null && cursor.isEmpty()) {
            parameters.reject("cursor", "must not be empty");
        }
        F read = filter.apply(parameters);
        parameters.requireValid();
        return new ListQuery<>(limit, cursor, read);
    }

    /** The parameters of a list that has no filter: {@code limit} and {@code cursor}. */
    public ListQuery<Void> listQuery() {
        return listQuery(parameters -> null);
    }

    /** The {@code from} and {@code to} parameters; a 400 if either is not a date or from is after to. */
    public DateRange dateRange() {
        Parameters parameters = new Parameters();
        DateRange range = parameters.dates();
        parameters.requireValid();
        return range;
    }

    /** The body as a new {@code type}, every bad field reported at once. */
    public <R extends Record> R body(Class<R> type) {
        return RequestBinder.bind(jsonObject(), type);
    }

    /** The body of a PATCH: a JSON object of the fields to change, applied later to the current values. */
    public <R extends Record> Patch<R> patch(Class<R> type) {
        return new JsonPatch<>(jsonObject(), type);
    }

    private String query(String name) {
        Map<String, String> query = event.getQueryStringParameters();
        return query == null ? null : query.get(name);
    }

    /** The query string as a list reads it, collecting every bad parameter. */
    private final class Parameters implements ListParameters {

        private final List<FieldError> errors = new ArrayList<>();

        @Override
        public String get(String name) {
            return query(name);
        }

        @Override
        public void reject(String name, String message) {
            errors.add(new FieldError(name, message));
        }

        @Override
        public DateRange dates() {
            LocalDate from = date("from");
            LocalDate to = date("to");
            if (from != null && to != null && from.isAfter(to)) {
                reject("from", "must not be after to");
            }
            return new DateRange(from, to);
        }

        int limit() {
            String raw = get("limit");
            if (raw == null) {
                return ListQuery.DEFAULT_LIMIT;
            }
            Long parsed = parseLong(raw);
            if (parsed == null || parsed < 1 || parsed > ListQuery.MAX_LIMIT) {
                reject("limit", "must be an integer from 1 to " + ListQuery.MAX_LIMIT);
                return ListQuery.DEFAULT_LIMIT;
            }
            return parsed.intValue();
        }

        void requireValid() {
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
        }

        private LocalDate date(String name) {
            String raw = get(name);
            if (raw == null) {
                return null;
            }
            LocalDate date = Dates.parse(raw);
            if (date == null) {
                reject(name, "must be a date (YYYY-MM-DD)");
            }
            return date;
        }
    }

    private String pathParameter(String name) {
        Map<String, String> path = event.getPathParameters();
        String value = path == null ? null : path.get(name);
        if (value == null) {
            throw new IllegalStateException("the route has no path parameter " + name);
        }
        return value;
    }

    private ObjectNode jsonObject() {
        if (!(jsonBody() instanceof ObjectNode object)) {
            throw ProblemException.badRequest("the request body must be a JSON object");
        }
        return object;
    }

    private JsonNode jsonBody() {
        String contentType = header("content-type");
        if (contentType != null && !isJson(contentType)) {
            throw ProblemException.unsupportedMediaType(contentType);
        }
        String raw = event.getBody();
        if (raw == null || raw.isEmpty()) {
            throw ProblemException.badRequest("a JSON request body is required");
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            try {
                bytes = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("the request body is not valid base64");
            }
        } else {
            if (raw.length() > MAX_BODY_BYTES) {
                throw ProblemException.payloadTooLarge(MAX_BODY_BYTES);
            }
            bytes = raw.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw ProblemException.payloadTooLarge(MAX_BODY_BYTES);
        }
        try {
            return Json.read(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the request body is not valid JSON");
        }
    }

    private String header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) {
            return null;
        }
        // HTTP API lower-cases header names; a hand-written event might not.
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }

    private static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static Long parseId(String raw) {
        Long id = parseLong(raw);
        return id != null && id > 0 ? id : null;
    }

    private static Long parseLong(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 19) {
            return null;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }
}
