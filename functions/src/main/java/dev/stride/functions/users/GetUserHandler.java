package dev.stride.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.users.UserService;

/** {@code GET /users/{id}}: one user profile. */
public final class GetUserHandler extends ApiHandler {

    private final UserService service;

    public GetUserHandler() {
        this(Services.instance().users());
    }

    public GetUserHandler(UserService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(request, service.get(request.caller(), request.userRef("id")));
    }
}
