package dev.stride.functions.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.api.ApiHandler;
import dev.stride.api.ApiRequest;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.users.UserService;

/** {@code GET /users}: every user for admins, the caller's own profile for anyone else. */
public final class ListUsersHandler extends ApiHandler {

    private final UserService service;

    public ListUsersHandler() {
        this(Services.instance().users());
    }

    public ListUsersHandler(UserService service) {
        this.service = service;
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(ApiRequest request) {
        return Responses.ok(service.list(request.caller(), request.listQuery()));
    }
}
