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

/** {@code PATCH /users/{id}}: changes username and/or email. */
public final class UpdateUserHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final UserService service;

    public UpdateUserHandler() {
        this(Services.instance().users());
    }

    public UpdateUserHandler(UserService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return Api.handle(event, context, request -> Responses.ok(service.update(request.caller(), request.userRef("id"), request.patch(UserInput.class))));
    }
}
