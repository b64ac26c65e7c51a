package dev.stride.functions.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway HTTP API (payload 2.0) events as API Gateway builds them for an authorised request:
 * route key, raw path, path and query parameters, lower-case headers, and the JWT authorizer's
 * claims in the request context.
 */
public final class HttpEvents {

    private final String method;
    private final String routePath;
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Map<String, String> claims;
    private String body;

    private HttpEvents(String method, String routePath) {
        this.method = method;
        this.routePath = routePath;
        headers.put("accept", "application/json");
        headers.put("user-agent", "stride-tests");
    }

    /** A request to {@code routePath} (e.g. {@code /runs/{runId}}) by the caller {@code sub}. */
    public static HttpEvents request(String method, String routePath) {
        return new HttpEvents(method, routePath);
    }

    public HttpEvents path(String name, Object value) {
        pathParameters.put(name, String.valueOf(value));
        return this;
    }

    public HttpEvents query(String name, Object value) {
        query.put(name, String.valueOf(value));
        return this;
    }

    public HttpEvents header(String name, String value) {
        headers.put(name.toLowerCase(), value);
        return this;
    }

    public HttpEvents as(String sub, String... groups) {
        claims = new HashMap<>();
        claims.put("sub", sub);
        claims.put("iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_test");
        claims.put("token_use", "access");
        if (groups.length > 0) {
            // How API Gateway passes an array claim to the function.
            claims.put("cognito:groups", "[" + String.join(" ", groups) + "]");
        }
        return this;
    }

    public HttpEvents body(String json) {
        this.body = json;
        headers.put("content-type", "application/json");
        return this;
    }

    public APIGatewayV2HTTPEvent build() {
        String rawPath = routePath;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            // API Gateway's HTTP API gives functions the path percent-decoded, parameters included.
            rawPath = rawPath.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        StringBuilder rawQuery = new StringBuilder();
        query.forEach((name, value) -> rawQuery.append(rawQuery.isEmpty() ? "" : "&").append(name).append('=').append(value));
        Instant now = Instant.now();
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(rawPath)
                .withProtocol("HTTP/1.1")
                .withSourceIp("127.0.0.1")
                .withUserAgent("stride-tests")
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(method + " " + routePath)
                .withStage("$default")
                .withRequestId(UUID.randomUUID().toString())
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(http);
        if (claims != null) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(claims)
                            .withScopes(List.of())
                            .build())
                    .build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(method + " " + routePath)
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery.toString())
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context.build())
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
