package dev.stride.local.localonly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.local.auth.LocalIdentityProvider;
import dev.stride.local.gateway.GatewayResponse;
import dev.stride.local.gateway.IncomingRequest;
import dev.stride.local.localonly.Problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /_local/token} with {@code {"sub": "alice", "groups": ["admin"]}} answers
 * {@code {"token": "<JWT>"}}: a token the local authorizer accepts, for one hour. It stands in for
 * signing in to Cognito, and exists only here.
 *
 * <p>Anyone who gets a token can act as anyone, admin included, so no other web page may get one:
 * the endpoint sends no CORS headers (a foreign page cannot read the answer), answers 403 to a
 * request from another origin, and takes only {@code application/json} (415 otherwise: a form or
 * a text/plain "simple request" from another page never reaches the mint). The {@code sub} is
 * checked as Stride's functions check a caller's (1–128 characters, no control characters), each
 * bad field named in one 400.
 */
public final class TokenEndpoint extends OwnPagesEndpoint {

    public static final String PATH = "/_local/token";
    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_LENGTH = 128;
    private static final Set<String> FIELDS = Set.of("sub", "groups");

    private final LocalIdentityProvider identities;

    public TokenEndpoint(LocalIdentityProvider identities, String boundHost, int port, ObjectMapper json) {
        super(PATH, "POST", boundHost, port, json);
        this.identities = identities;
    }

    @Override
    GatewayResponse answer(IncomingRequest request) {
        String contentType = request.header("content-type");
        if (!isJson(contentType)) {
            return Problem.of(415, "unsupported-media-type", "Unsupported Media Type",
                    "the request body must be application/json, not " + (contentType == null ? "untyped" : contentType), PATH);
        }
        if (request.body().length > MAX_BODY) {
            return Problem.of(413, "payload-too-large", "Payload Too Large",
                    "the request body is larger than " + MAX_BODY / 1024 + " KiB", PATH);
        }
        JsonNode body;
        try {
            body = json.readTree(new String(request.body(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return Problem.badRequest("the request body is not valid JSON", PATH);
        }
        if (body == null || body.isMissingNode()) {
            return Problem.badRequest("a JSON request body is required: {\"sub\": \"alice\", \"groups\": [\"admin\"]}", PATH);
        }
        if (!body.isObject()) {
            return Problem.badRequest("the request body must be a JSON object", PATH);
        }
        List<FieldError> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(name, "is not a known field (sub, groups)"));
            }
        });
        String sub = body.get("sub") == null || body.get("sub").isNull() ? null : text(body.get("sub"), "sub", errors);
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
            return Problem.invalid(errors, PATH);
        }
        return ok(Map.of("token", identities.mint(sub, groups)));
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    /** A string of 1 to 128 characters, not blank, without control characters; else an error naming {@code field}. */
    private static String text(JsonNode node, String field, List<FieldError> errors) {
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String value = node.asText();
        String problem = problem(value);
        if (problem != null) {
            errors.add(new FieldError(field, problem));
            return null;
        }
        return value;
    }

    private static String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text";
            }
        }
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > MAX_LENGTH) {
            return "must be between 1 and " + MAX_LENGTH + " characters";
        }
        if (value.isBlank()) {
            return "must not be blank";
        }
        return null;
    }
}
