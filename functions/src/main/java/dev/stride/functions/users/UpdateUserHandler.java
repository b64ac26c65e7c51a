package dev.stride.functions.users;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.users.UserInput;
import dev.stride.users.UserService;

/** {@code PATCH /users/{id}}: changes username and/or email. */
public final class UpdateUserHandler extends ApiHandler {

    public UpdateUserHandler() {
        this(Services.instance().users());
    }

    public UpdateUserHandler(UserService service) {
        super(request -> Responses.ok(
                service.update(request.caller(), request.userRef("id"), request.patch(UserInput.class), request.precondition())));
    }
}
