package dev.stride.functions.users;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.Api;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.users.UserInput;
import dev.stride.users.UserService;
import dev.stride.users.UserView;

/** {@code POST /users}: creates the caller's profile. */
public final class CreateUserHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final UserService service;

    public CreateUserHandler() {
        this(Services.instance().users());
    }

    public CreateUserHandler(UserService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Api.handle(event, context, request -> {
            UserView created = service.create(request.caller(), request.body(UserInput.class));
            return Responses.created("/users/" + created.id(), created);
        });
    }
}
