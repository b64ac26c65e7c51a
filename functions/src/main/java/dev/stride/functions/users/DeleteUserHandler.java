package dev.stride.functions.users;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.users.UserService;

/** {@code DELETE /users/{id}}: deletes the user with all their runs and moods. */
public final class DeleteUserHandler extends ApiHandler {

    public DeleteUserHandler() {
        this(Services.instance().users());
    }

    public DeleteUserHandler(UserService service) {
        super(request -> {
            service.delete(request.caller(), request.userRef("id"), request.precondition());
            return Responses.noContent();
        });
    }
}
