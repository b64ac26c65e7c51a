package dev.stride.bench.child;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * HTTP API (payload 2.0) events shaped as API Gateway delivers them behind its JWT authorizer:
 * route key, raw path, path and query parameters, lower-case headers, the caller's claims.
 *
 * <p>Built in code rather than read from JSON because a fresh-JVM sample must not pay for a JSON
 * event parser that the Lambda runtime brings along anyway, and the floor handler gets the very
 * same object, so the parse cost would cancel out of the ratio in any case.
 */
public final class Events {

    private Events() {
    }

    /** {@code method route}, e.g. {@code GET /runs/{runId}}, with its path parameters filled in. */
    public static APIGatewayV2HTTPEvent of(String method, String route, Map<String, String> pathParameters,
                                           Map<String, String> query, String sub, String body) {
        String rawPath = route;
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            rawPath = rawPath.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        StringBuilder rawQuery = new StringBuilder();
        query.forEach((name, value) -> rawQuery.append(rawQuery.isEmpty() ? "" : "&").append(name).append('=').append(value));

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", "application/json");
        headers.put("authorization", "Bearer eyJraWQiOiJiZW5jaCJ9.eyJzdWIiOiJiZW5jaCJ9.c2lnbmF0dXJl");
        headers.put("host", "api.stride.example");
        headers.put("user-agent", "stride-bench");
        headers.put("x-forwarded-for", "127.0.0.1");
        headers.put("x-forwarded-proto", "https");
        if (body != null) {
            headers.put("content-type", "application/json");
            headers.put("content-length", String.valueOf(body.length()));
        }
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("iss", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_bench");
        claims.put("client_id", "bench");
        claims.put("token_use", "access");
        claims.put("scope", "openid");

        Instant now = Instant.now();
        String routeKey = method + " " + route;
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(method)
                .withPath(rawPath)
                .withProtocol("HTTP/1.1")
                .withSourceIp("127.0.0.1")
                .withUserAgent("stride-bench")
                .build();
        var authorizer = APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                        .withClaims(claims)
                        .withScopes(List.of())
                        .build())
                .build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey(routeKey)
                .withStage("$default")
                .withRequestId(UUID.randomUUID().toString())
                .withAccountId("123456789012")
                .withApiId("bench")
                .withDomainName("api.stride.example")
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(http)
                .withAuthorizer(authorizer)
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery.toString())
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : new LinkedHashMap<>(query))
                .withPathParameters(pathParameters.isEmpty() ? null : new LinkedHashMap<>(pathParameters))
                .withRequestContext(context)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    /** The caller's {@code sub}, as a handler reads it. */
    public static String sub(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
    }
}
