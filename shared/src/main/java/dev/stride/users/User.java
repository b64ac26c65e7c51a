package dev.stride.users;

import dev.stride.db.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user profile, bound to the identity (the token's {@code sub}) that created it. Its runs and
 * moods point at it ({@link UserOwned}), not it at them: deleting a user deletes them through the
 * foreign keys' ON DELETE CASCADE, one statement instead of one per row, and {@code users} needs
 * to know no feature built on it.
 */
@Entity
@Table(name = "users")
public class User extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_sub", nullable = false, updatable = false)
    private String ownerSub;

    @Column(nullable = false, length = 80)
    private String username;

    @Column(nullable = false, length = 120)
    private String email;

    protected User() {
    }

    public User(String ownerSub, String username, String email) {
        this.ownerSub = ownerSub;
        this.username = username;
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public String getOwnerSub() {
        return ownerSub;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
