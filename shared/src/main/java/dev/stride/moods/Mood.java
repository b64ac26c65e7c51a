package dev.stride.moods;

import dev.stride.users.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How a user felt on a day, with five optional 1–5 levels. */
@Entity
@Table(name = "moods")
public class Mood {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // As in Run: the owner's id as a plain column, the relation read-only beside it.
    @Column(name = "user_id", nullable = false, updatable = false)
    private Long userId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", insertable = false, updatable = false)
    private User user;

    @Column(nullable = false, length = 100)
    private String description;

    @Column(name = "mood_date", nullable = false)
    private LocalDate date;

    private Short positivity;
    private Short stress;
    private Short energy;
    private Short calmness;
    private Short motivation;

    @Column(length = 2000)
    private String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Mood() {
    }

    public Mood(long userId) {
        this.userId = userId;
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public Long getId() {
        return id;
    }

    public Long getUserId() {
        return userId;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public Integer getPositivity() {
        return toInt(positivity);
    }

    public void setPositivity(Integer positivity) {
        this.positivity = toShort(positivity);
    }

    public Integer getStress() {
        return toInt(stress);
    }

    public void setStress(Integer stress) {
        this.stress = toShort(stress);
    }

    public Integer getEnergy() {
        return toInt(energy);
    }

    public void setEnergy(Integer energy) {
        this.energy = toShort(energy);
    }

    public Integer getCalmness() {
        return toInt(calmness);
    }

    public void setCalmness(Integer calmness) {
        this.calmness = toShort(calmness);
    }

    public Integer getMotivation() {
        return toInt(motivation);
    }

    public void setMotivation(Integer motivation) {
        this.motivation = toShort(motivation);
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    private static Integer toInt(Short level) {
        return level == null ? null : level.intValue();
    }

    private static Short toShort(Integer level) {
        return level == null ? null : level.shortValue();
    }
}
