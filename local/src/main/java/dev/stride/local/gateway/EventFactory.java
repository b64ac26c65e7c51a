package dev.stride.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import dev.stride.api.HttpApiEvent;
import dev.stride.local.template.Template;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a request the local server received into the payload format 2.0 event API Gateway sends a
 * Lambda function, built by the project's one event builder ({@link HttpApiEvent}). What is
 * gateway-only stays here: the Cookie header moved into {@code cookies}, the x-forwarded-* and
 * trace headers API Gateway adds, path decoding, the body as text for text types and base64
 * otherwise, and API Gateway's request ID format.
 */
final class EventFactory {

    /** The content types an HTTP API passes as text; every other body (and one without a type) is base64. */
    private static final Set<String> TEXT_TYPES = Set.of("application/json", "application/xml", "application/javascript");
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventFactory() {
    }

    /** API Gateway's request ID format: 10 random bytes in base64 ({@code JKJaXmPLvHcESHA=}). */
    static String newRequestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    static APIGatewayV2HTTPEvent build(IncomingRequest request, String path, Router.Match match, String requestId,
                                       Instant time, int localPort, RequestContext.Authorizer authorizer) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.strip());
                    }
                }
                continue;
            }
            headers.merge(name, header.getValue(), (first, next) -> first + "," + next);
        }
        // What API Gateway adds on its way to the function.
        headers.merge("x-forwarded-for", request.sourceIp(), (sent, ip) -> sent + ", " + ip);
        headers.putIfAbsent("x-forwarded-port", String.valueOf(localPort));
        headers.putIfAbsent("x-forwarded-proto", "http");
        headers.putIfAbsent("x-amzn-trace-id", traceId(time));

        HttpApiEvent event = HttpApiEvent.matched(match.route().routeKey(), request.method(), path)
                .rawQuery(request.rawQuery())
                .path(match.pathParameters())
                .cookies(cookies)
                .authorizer(authorizer)
                .requestId(requestId)
                .time(time)
                .client(request.sourceIp(), request.protocol())
                .api(Template.LOCAL_ACCOUNT_ID, "local", headers.getOrDefault("host", "127.0.0.1:" + localPort));
        headers.forEach(event::header);
        if (request.body().length > 0) {
            boolean text = isText(headers.get("content-type"));
            event.body(text ? new String(request.body(), StandardCharsets.UTF_8)
                    : Base64.getEncoder().encodeToString(request.body()), !text);
        }
        return event.build();
    }

    /** {@code a=1&a=2&b} → {@code {a: "1,2", b: ""}}, as the event carries them; null when there are none. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = HttpApiEvent.queryParameters(rawQuery);
        return parameters.isEmpty() ? null : parameters;
    }

    /** Percent-decodes a path; unlike a query string, {@code +} stays {@code +}. */
    static String decodePath(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return rawPath;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < rawPath.length()) {
            if (rawPath.charAt(i) == '%' && i + 2 < rawPath.length()
                    && Character.digit(rawPath.charAt(i + 1), 16) >= 0
                    && Character.digit(rawPath.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(rawPath, i + 1, i + 3, 16));
                i += 3;
            } else {
                int codePoint = rawPath.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.startsWith("text/") || TEXT_TYPES.contains(mediaType);
    }

    private static String traceId(Instant time) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        return "Root=1-" + Long.toHexString(time.getEpochSecond()) + "-" + HexFormat.of().formatHex(random);
    }
}
