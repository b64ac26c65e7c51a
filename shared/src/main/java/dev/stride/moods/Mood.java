package dev.stride.moods;

import dev.stride.users.UserOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** How a user felt on a day, with five optional 1–5 levels. */
@Entity
@Table(name = "moods")
public class Mood extends UserOwned {

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

    protected Mood() {
    }

    public Mood(long userId) {
        super(userId);
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

    private static Integer toInt(Short level) {
        return level == null ? null : level.intValue();
    }

    private static Short toShort(Integer level) {
        return level == null ? null : level.shortValue();
    }
}
