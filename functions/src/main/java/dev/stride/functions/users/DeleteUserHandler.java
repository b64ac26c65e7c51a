package dev.stride.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.users.UserService;

/** {@code DELETE /users/{id}}: deletes the user with all their runs and moods. */
public final class DeleteUserHandler extends ApiHandler {

    private final UserService service;

    public DeleteUserHandler() {
        this(Services.instance().users());
    }

    public DeleteUserHandler(UserService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        service.delete(request.caller(), request.userRef("id"), request.precondition());
        return Responses.noContent();
    }
}
