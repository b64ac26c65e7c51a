package dev.stride.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.users.UserInput;
import dev.stride.users.UserService;

/** {@code PATCH /users/{id}}: changes username and/or email. */
public final class UpdateUserHandler extends ApiHandler {

    private final UserService service;

    public UpdateUserHandler() {
        this(Services.instance().users());
    }

    public UpdateUserHandler(UserService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(
                service.update(request.caller(), request.userRef("id"), request.patch(UserInput.class), request.precondition()));
    }
}
