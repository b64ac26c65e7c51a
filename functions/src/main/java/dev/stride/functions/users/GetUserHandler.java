package dev.stride.functions.users;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.users.UserService;

/** {@code GET /users/{id}}: one user profile. */
public final class GetUserHandler extends ApiHandler {

    public GetUserHandler() {
        this(Services.instance().users());
    }

    public GetUserHandler(UserService service) {
        super(request -> Responses.ok(request, service.get(request.caller(), request.userRef("id"))));
    }
}
