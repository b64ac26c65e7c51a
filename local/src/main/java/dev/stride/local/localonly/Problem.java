package dev.stride.local.localonly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.local.gateway.GatewayResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The local-only endpoints' problem+json answers, in the shape and with the type URIs of Stride's own. */
final class Problem {

    private static final String TYPE = "https://stride.dev/problems/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One bad field of a request. */
    record FieldError(String field, String message) {
    }

    private Problem() {
    }

    static GatewayResponse of(int status, String type, String title, String detail, String instance) {
        return of(status, type, title, detail, instance, List.of());
    }

    static GatewayResponse invalid(List<FieldError> errors, String instance) {
        return of(400, "validation-error", "Invalid Request",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", instance, errors);
    }

    static GatewayResponse badRequest(String detail, String instance) {
        return of(400, "bad-request", "Bad Request", detail, instance);
    }

    private static GatewayResponse of(int status, String type, String title, String detail, String instance,
                                      List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        try {
            return GatewayResponse.json(status, JSON.writeValueAsString(body)).replaceContentType("application/problem+json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }
}
