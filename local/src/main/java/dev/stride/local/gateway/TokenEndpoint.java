package dev.stride.local.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.api.ProblemException;
import dev.stride.domain.FieldError;
import dev.stride.local.auth.LocalIdentityProvider;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /_local/token} with {@code {"sub": "alice", "groups": ["admin"]}} answers
 * {@code {"token": "<JWT>"}}: a token the local authorizer accepts, for one hour. It stands in for
 * signing in to Cognito, and exists only here. Bad input is a 400 problem, naming every bad field.
 */
final class TokenEndpoint {

    static final String PATH = "/_local/token";
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_LENGTH = 128;
    private static final Set<String> FIELDS = Set.of("sub", "groups");

    private final LocalIdentityProvider identities;
    private final ObjectMapper json;

    TokenEndpoint(LocalIdentityProvider identities, ObjectMapper json) {
        this.identities = identities;
        this.json = json;
    }

    GatewayResponse handle(IncomingRequest request) {
        if (!request.method().equals("POST")) {
            return GatewayResponse.message(404, "Not Found");
        }
        try {
            if (request.body().length > MAX_BODY) {
                throw ProblemException.payloadTooLarge(MAX_BODY);
            }
            JsonNode body = read(request.body());
            List<FieldError> errors = new ArrayList<>();
            body.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    errors.add(new FieldError(name, "is not a known field (sub, groups)"));
                }
            });
            String sub = text(body.get("sub"), "sub", errors);
            if (body.get("sub") == null || body.get("sub").isNull()) {
                errors.add(new FieldError("sub", "is required"));
            }
            List<String> groups = new ArrayList<>();
            JsonNode rawGroups = body.get("groups");
            if (rawGroups != null && !rawGroups.isNull()) {
                if (!rawGroups.isArray()) {
                    errors.add(new FieldError("groups", "must be an array of strings"));
                } else {
                    for (int i = 0; i < rawGroups.size(); i++) {
                        String group = text(rawGroups.get(i), "groups[" + i + "]", errors);
                        if (group != null) {
                            groups.add(group);
                        }
                    }
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return GatewayResponse.json(200, json.writeValueAsString(Map.of("token", identities.mint(sub, groups))));
        } catch (ProblemException problem) {
            return problem(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a token response", e);
        }
    }

    private JsonNode read(byte[] bytes) {
        JsonNode body;
        try {
            body = json.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the request body is not valid JSON");
        }
        if (body == null || body.isMissingNode()) {
            throw ProblemException.badRequest("a JSON request body is required: {\"sub\": \"alice\", \"groups\": [\"admin\"]}");
        }
        if (!body.isObject()) {
            throw ProblemException.badRequest("the request body must be a JSON object");
        }
        return body;
    }

    /** A non-blank string of at most 128 characters, or an error naming {@code field}. */
    private static String text(JsonNode node, String field, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            errors.add(new FieldError(field, "must be a non-empty string"));
            return null;
        }
        String value = node.asText();
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            errors.add(new FieldError(field, "must be at most " + MAX_LENGTH + " characters"));
            return null;
        }
        return value;
    }

    private GatewayResponse problem(ProblemException problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", PATH);
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors());
        }
        try {
            return GatewayResponse.json(problem.status(), json.writeValueAsString(body))
                    .replaceContentType("application/problem+json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }
}
