package dev.stride.users;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A user profile as the API answers it. */
public record UserView(long id, String username, String email, Instant createdAt, Instant updatedAt) {

    public static UserView of(User user) {
        return new UserView(user.getId(), user.getUsername(), user.getEmail(),
                user.getCreatedAt().truncatedTo(ChronoUnit.SECONDS),
                user.getUpdatedAt().truncatedTo(ChronoUnit.SECONDS));
    }

    public UserInput toInput() {
        return new UserInput(username, email);
    }
}
