package dev.stride.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.local.lambda.JsonOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what a function returned into the HTTP response, as an HTTP API does with payload format
 * 2.0: {@code statusCode}, {@code headers}, each of {@code cookies} as a {@code Set-Cookie} header,
 * {@code body} (decoded when {@code isBase64Encoded}), and {@code application/json} when no content
 * type is given. A return value without {@code statusCode} is the body of a 200. Anything API
 * Gateway could not read (no valid status, not JSON) is its 500.
 */
final class ResponseMapper {

    private final ObjectMapper json;

    ResponseMapper(ObjectMapper json) {
        this.json = json;
    }

    GatewayResponse map(Object output) {
        try {
            if (output instanceof APIGatewayV2HTTPResponse typed) {
                return structured(typed.getStatusCode(), typed.getHeaders(), typed.getCookies(), typed.getBody(),
                        typed.getIsBase64Encoded());
            }
            JsonNode tree = output instanceof JsonOutput raw ? json.readTree(raw.bytes()) : json.valueToTree(output);
            if (tree == null || tree.isMissingNode()) {
                return internalError();
            }
            if (tree.isObject() && tree.has("statusCode")) {
                return fromTree(tree);
            }
            // Valid JSON without a statusCode: API Gateway answers it as the body of a 200.
            return GatewayResponse.json(200, json.writeValueAsString(tree));
        } catch (IOException | IllegalArgumentException unreadable) {
            return internalError();
        }
    }

    private GatewayResponse fromTree(JsonNode tree) {
        JsonNode status = tree.get("statusCode");
        if (!status.canConvertToInt() && !(status.isTextual() && status.asText().matches("\\d{3}"))) {
            return internalError();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        tree.path("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
        List<String> cookies = new ArrayList<>();
        tree.path("cookies").forEach(c -> cookies.add(c.asText()));
        JsonNode body = tree.get("body");
        String text = body == null || body.isNull() ? null : body.isTextual() ? body.asText() : body.toString();
        return structured(status.asInt(), headers, cookies, text, tree.path("isBase64Encoded").asBoolean(false));
    }

    private static GatewayResponse structured(int status, Map<String, String> headers, List<String> cookies,
                                              String body, boolean base64) {
        if (status < 100 || status > 599) {
            return internalError();
        }
        byte[] bytes;
        if (body == null) {
            bytes = new byte[0];
        } else if (base64) {
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException notBase64) {
                return internalError();
            }
        } else {
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        GatewayResponse response = new GatewayResponse(status, List.of(), bytes);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    response.withHeader(name, value);
                }
            });
        }
        if (cookies != null) {
            cookies.forEach(cookie -> response.withHeader("Set-Cookie", cookie));
        }
        if (response.header("Content-Type") == null && status != 204 && status != 304) {
            response.withHeader("Content-Type", GatewayResponse.JSON);
        }
        return response;
    }

    static GatewayResponse internalError() {
        return GatewayResponse.message(500, "Internal Server Error");
    }
}
