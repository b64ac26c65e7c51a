package dev.stride.local.template;

import java.util.Map;

/**
 * One {@code AWS::Serverless::HttpApi} (or the implicit one SAM creates for events without
 * {@code ApiId}): its JWT authorizers, the default one, and its CORS configuration (null: none).
 */
public record HttpApiSpec(String logicalId, Map<String, JwtAuthorizerSpec> authorizers, String defaultAuthorizer,
                          CorsSpec cors) {

    public static final String IMPLICIT_API = "ServerlessHttpApi";

    public HttpApiSpec {
        authorizers = Map.copyOf(authorizers);
    }
}
