package dev.stride.users;

import dev.stride.db.Columns;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A user profile as the API answers it. */
public record UserView(long id, String username, String email, Instant createdAt, Instant updatedAt) {

    public static UserView of(User user) {
        return new UserView(user.getId(), user.getUsername(), user.getEmail(),
                user.getCreatedAt().truncatedTo(ChronoUnit.SECONDS),
                user.getUpdatedAt().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * A profile from a native statement's row, from column {@code first} on: id, username, email,
     * created_at, updated_at. The same values as {@link #of(User)} gives for the entity.
     */
    static UserView of(Object[] row, int first) {
        return new UserView(Columns.longValue(row[first]), (String) row[first + 1], (String) row[first + 2],
                Columns.instant(row[first + 3]).truncatedTo(ChronoUnit.SECONDS),
                Columns.instant(row[first + 4]).truncatedTo(ChronoUnit.SECONDS));
    }

    public UserInput toInput() {
        return new UserInput(username, email);
    }
}
