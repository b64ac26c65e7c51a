package dev.stride.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An HTTP API (payload format 2.0) event as API Gateway hands it to a function for a request that
 * matched a route: the route key, the raw path with its parameters filled in (percent-decoded, as
 * HTTP API passes it), query parameters (a repeated name's values joined with commas), lower-case
 * header names, the JWT authorizer's claims and the request context. The one place Stride builds
 * such events itself: SnapStart priming, the tests, the benchmark and the local server.
 */
public final class HttpApiEvent {

    // The request context's time, as API Gateway writes it: "dd/MMM/yyyy:HH:mm:ss Z", English
    // month names, UTC. Written by hand: a DateTimeFormatter with month names loads the JDK's
    // locale providers and calendar data (~30 classes at a cold start, where SnapStart priming
    // builds its events); REQUEST_TIME is the same format, for the years the hand-written one
    // does not cover (HttpApiEventTest holds the two together).
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private final String routeKey;
    private final String method;
    private final String route;
    private String rawPath;
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> claims = new LinkedHashMap<>();
    private String rawQuery;
    private List<String> cookies;
    private RequestContext.Authorizer authorizer;
    private String body;
    private boolean base64;
    private String requestId = UUID.randomUUID().toString();
    private Instant time = Instant.now();
    private String sourceIp = "127.0.0.1";
    private String protocol = "HTTP/1.1";
    private String accountId;
    private String apiId;
    private String domainName;

    private HttpApiEvent(String routeKey, String method, String route) {
        this.routeKey = routeKey;
        this.method = method;
        this.route = route;
    }

    /** A request to the route {@code method route}, e.g. {@code GET /runs/{runId}}; the path is the route's, parameters filled in. */
    public static HttpApiEvent request(String method, String route) {
        return new HttpApiEvent(method + " " + route, method, route);
    }

    /**
     * A request as a gateway matched it: the route key it matched (e.g. {@code ANY /{proxy+}} or
     * {@code $default}), the method and the (decoded) path as sent.
     */
    public static HttpApiEvent matched(String routeKey, String method, String rawPath) {
        HttpApiEvent event = new HttpApiEvent(routeKey, method, rawPath);
        event.rawPath = rawPath;
        return event;
    }

    /** A path parameter, as the route's {@code {name}} matched it. */
    public HttpApiEvent path(String name, Object value) {
        pathParameters.put(name, String.valueOf(value));
        return this;
    }

    public HttpApiEvent path(Map<String, String> parameters) {
        pathParameters.putAll(parameters);
        return this;
    }

    /** A query parameter; the raw query string is written from them unless {@link #rawQuery} gives it. */
    public HttpApiEvent query(String name, Object value) {
        joined(query, name, String.valueOf(value));
        return this;
    }

    /** The query string as sent ({@code a=1&a=2&b}); its parameters are decoded from it as API Gateway does. */
    public HttpApiEvent rawQuery(String raw) {
        rawQuery = raw;
        queryParameters(raw).forEach(this::query);
        return this;
    }

    /**
     * The parameters API Gateway decodes from a raw query string: {@code a=1&a=2&b} gives
     * {@code {a: "1,2", b: ""}}; empty for a null or empty one.
     */
    public static Map<String, String> queryParameters(String raw) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (!pair.isEmpty()) {
                    int equals = pair.indexOf('=');
                    joined(parameters, decode(equals < 0 ? pair : pair.substring(0, equals)),
                            equals < 0 ? "" : decode(pair.substring(equals + 1)));
                }
            }
        }
        return parameters;
    }

    /** A header; its name is lower-cased, and a repeated one's values are joined with commas. */
    public HttpApiEvent header(String name, String value) {
        joined(headers, name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    /**
     * Adds {@code value} under {@code name}, after a comma if it is there already (as
     * {@code merge} with a joining lambda would, without the class a lambda is at a cold start:
     * SnapStart priming builds its events here).
     */
    private static void joined(Map<String, String> values, String name, String value) {
        String before = values.get(name);
        values.put(name, before == null ? Objects.requireNonNull(value) : before + "," + value);
    }

    /** The claims of a token for {@code sub} in the Cognito {@code groups}, as the JWT authorizer passes them. */
    public HttpApiEvent as(String sub, String... groups) {
        claims.put("sub", sub);
        if (groups.length > 0) {
            // How API Gateway passes an array claim to the function.
            claims.put("cognito:groups", "[" + String.join(" ", groups) + "]");
        }
        return this;
    }

    public HttpApiEvent claim(String name, String value) {
        claims.put(name, value);
        return this;
    }

    /** The authorizer's output as it stands, instead of JWT claims. */
    public HttpApiEvent authorizer(RequestContext.Authorizer authorizer) {
        this.authorizer = authorizer;
        return this;
    }

    /** A JSON body, with its content type. */
    public HttpApiEvent body(String json) {
        headers.put("content-type", "application/json");
        return body(json, false);
    }

    /** A body as API Gateway passes it: text, or base64 for a binary content type. */
    public HttpApiEvent body(String body, boolean base64Encoded) {
        this.body = body;
        this.base64 = base64Encoded;
        return this;
    }

    public HttpApiEvent cookies(List<String> cookies) {
        this.cookies = cookies.isEmpty() ? null : List.copyOf(cookies);
        return this;
    }

    public HttpApiEvent requestId(String requestId) {
        this.requestId = requestId;
        return this;
    }

    public HttpApiEvent time(Instant time) {
        this.time = time;
        return this;
    }

    /** The client: its address and HTTP version. */
    public HttpApiEvent client(String sourceIp, String protocol) {
        this.sourceIp = sourceIp;
        this.protocol = protocol;
        return this;
    }

    /** Where the API is: its account, its ID and the domain it was called on. */
    public HttpApiEvent api(String accountId, String apiId, String domainName) {
        this.accountId = accountId;
        this.apiId = apiId;
        this.domainName = domainName;
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        String rawPath = this.rawPath;
        if (rawPath == null) {
            rawPath = route;
            for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
                rawPath = rawPath.replace("{" + parameter.getKey() + "}", parameter.getValue());
            }
        }
        RequestContext.RequestContextBuilder context = RequestContext.builder()
                .withRouteKey(routeKey)
                .withStage("$default")
                .withRequestId(requestId)
                .withTime(requestTime(time))
                .withTimeEpoch(time.toEpochMilli())
                .withAccountId(accountId)
                .withApiId(apiId)
                .withDomainName(domainName)
                .withDomainPrefix(domainName == null ? null : domainName.split("[.:]", 2)[0])
                .withHttp(RequestContext.Http.builder()
                        .withMethod(method)
                        .withPath(rawPath)
                        .withProtocol(protocol)
                        .withSourceIp(sourceIp)
                        .withUserAgent(headers.getOrDefault("user-agent", ""))
                        .build());
        if (authorizer != null) {
            context.withAuthorizer(authorizer);
        } else if (!claims.isEmpty()) {
            context.withAuthorizer(RequestContext.Authorizer.builder()
                    .withJwt(RequestContext.Authorizer.JWT.builder()
                            .withClaims(new LinkedHashMap<>(claims))
                            .withScopes(List.of())
                            .build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery != null ? rawQuery : writtenQuery())
                .withCookies(cookies)
                .withHeaders(new LinkedHashMap<>(headers))
                .withQueryStringParameters(query.isEmpty() ? null : new LinkedHashMap<>(query))
                .withPathParameters(pathParameters.isEmpty() ? null : new LinkedHashMap<>(pathParameters))
                .withRequestContext(context.build())
                .withBody(body)
                .withIsBase64Encoded(base64)
                .build();
    }

    /** {@code time} as API Gateway writes a request's time: {@code 02/Dec/2026:20:02:08 +0000}. */
    static String requestTime(Instant time) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = utc.getYear();
        if (year < 1 || year > 9999) {
            return Formatted.REQUEST_TIME.format(time);
        }
        StringBuilder text = new StringBuilder(26);
        twoDigits(text, utc.getDayOfMonth()).append('/').append(MONTHS[utc.getMonthValue() - 1]).append('/');
        int century = year / 100;
        twoDigits(twoDigits(text, century), year % 100).append(':');
        twoDigits(text, utc.getHour()).append(':');
        twoDigits(text, utc.getMinute()).append(':');
        return twoDigits(text, utc.getSecond()).append(" +0000").toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** The same format through the JDK's formatter: years outside 1 to 9999 (never a request's). */
    static final class Formatted {

        static final DateTimeFormatter REQUEST_TIME =
                DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

        private Formatted() {
        }
    }

    private String writtenQuery() {
        StringBuilder raw = new StringBuilder();
        query.forEach((name, value) -> raw.append(raw.isEmpty() ? "" : "&").append(name).append('=').append(value));
        return raw.toString();
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw; // a stray % is passed on as sent rather than refusing the request
        }
    }
}
