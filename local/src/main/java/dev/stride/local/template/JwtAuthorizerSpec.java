package dev.stride.local.template;

import java.util.List;

/**
 * A JWT authorizer: tokens must come from {@code issuer} for one of {@code audiences}, and are read
 * from {@code identitySource} ({@code $request.header.Authorization}).
 *
 * @param scopes the authorizer's default authorization scopes, used by routes that name none
 */
public record JwtAuthorizerSpec(String name, String issuer, List<String> audiences, String identitySource,
                                List<String> scopes) {

    public JwtAuthorizerSpec {
        audiences = List.copyOf(audiences);
        scopes = List.copyOf(scopes);
    }
}
