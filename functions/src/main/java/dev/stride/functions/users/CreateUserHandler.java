package dev.stride.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.users.UserInput;
import dev.stride.users.UserService;

/** {@code POST /users}: creates the caller's profile. */
public final class CreateUserHandler extends ApiHandler {

    private final UserService service;

    public CreateUserHandler() {
        this(Services.instance().users());
    }

    public CreateUserHandler(UserService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.created(request,
                () -> service.create(request.caller(), request.body(UserInput.class)),
                user -> "/users/" + user.id());
    }
}
