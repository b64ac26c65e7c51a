package dev.stride.users;

import dev.stride.validation.Text;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;

/** What a client sends to create or change a user profile. */
public record UserInput(
        @NotNull @Text(min = 1, max = 80) String username,
        @NotNull @Text(min = 3, max = 120)
        @Email(regexp = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+", message = "must be a valid email address")
        String email) {
}
