package dev.stride.db;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code created_at} and {@code updated_at}, set when a row is inserted and when it changes, and
 * {@code version}, raised by EclipseLink with every change (the ETag of the resource).
 */
@MappedSuperclass
public abstract class Timestamped {

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @PrePersist
    void onCreate() {
        createdAt = now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = now();
    }

    /**
     * Marks the row changed when only a relation changed (a run's tags): the row is then written,
     * with a new {@code updated_at} and a new version.
     */
    protected void touch() {
        updatedAt = now();
    }

    public long getVersion() {
        return version;
    }

    // PostgreSQL keeps microseconds; truncating here makes the entity equal its row.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
