package dev.stride.runs;

import dev.stride.users.UserOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * One run of one user. {@code distance} is stored as given, in {@code unit}; {@code distanceKm} is
 * derived. Read and written by {@link RunService}'s own statements, each of which does in one
 * round trip what the entity's unit of work would do in several; its tags ({@code run_tags}) are
 * read with it, as an array of names in the same statement, so the entity maps no relation to
 * {@link Tag}: one that nothing navigates would only be processed at every cold start.
 */
@Entity
@Table(name = "runs")
public class Run extends UserOwned {

    @Column(nullable = false)
    private double distance;

    @Column(nullable = false, length = 2)
    private String unit;

    @Column(name = "distance_km", nullable = false)
    private double distanceKm;

    @Column(name = "run_date", nullable = false)
    private LocalDate date;

    @Column(name = "duration_seconds")
    private Integer durationSeconds;

    @Column(length = 50)
    private String mood;

    @Column(length = 100)
    private String title;

    @Column(length = 2000)
    private String notes;

    protected Run() {
    }

    public double getDistance() {
        return distance;
    }

    public String getUnit() {
        return unit;
    }

    public double getDistanceKm() {
        return distanceKm;
    }

    public LocalDate getDate() {
        return date;
    }

    public Integer getDurationSeconds() {
        return durationSeconds;
    }

    public String getMood() {
        return mood;
    }

    public String getTitle() {
        return title;
    }

    public String getNotes() {
        return notes;
    }
}
