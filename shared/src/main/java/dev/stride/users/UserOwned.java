package dev.stride.users;

import dev.stride.db.Timestamped;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** A row that belongs to one user (runs, moods): deleted with that user. */
@MappedSuperclass
public abstract class UserOwned extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // The owner's id as a plain column, not a relation to User: ownership is checked inside the
    // statements that read or change a row (a join on users), never by loading the user.
    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    protected UserOwned() {
    }

    protected UserOwned(long userId) {
        this.userId = userId;
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }
}
