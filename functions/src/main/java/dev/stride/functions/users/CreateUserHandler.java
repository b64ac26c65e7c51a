package dev.stride.functions.users;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.users.UserInput;
import dev.stride.users.UserService;

/** {@code POST /users}: creates the caller's profile. */
public final class CreateUserHandler extends ApiHandler {

    public CreateUserHandler() {
        this(Services.instance().users());
    }

    public CreateUserHandler(UserService service) {
        super(request -> Responses.created(request,
                () -> service.create(request.caller(), request.body(UserInput.class)),
                user -> "/users/" + user.id()));
    }
}
