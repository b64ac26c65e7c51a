package dev.stride.functions.users;

import dev.stride.api.ApiHandler;
import dev.stride.api.Responses;
import dev.stride.instance.Services;
import dev.stride.users.UserService;

/** {@code GET /users}: every user for admins, the caller's own profile for anyone else. */
public final class ListUsersHandler extends ApiHandler {

    public ListUsersHandler() {
        this(Services.instance().users());
    }

    public ListUsersHandler(UserService service) {
        super(request -> Responses.ok(service.list(request.caller(), request.listQuery())));
    }
}
