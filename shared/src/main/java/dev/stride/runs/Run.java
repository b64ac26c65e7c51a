package dev.stride.runs;

import dev.stride.users.UserOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

/**
 * One run of one user. {@code distance} is stored as given, in {@code unit}; {@code distanceKm} is
 * derived. Read as an entity (the run list); written by {@link RunService}'s own statements, each
 * of which does in one round trip what the entity's unit of work would do in several.
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

    // A list's tags arrive in one extra query for the whole page, not one per run.
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "run_tags",
            joinColumns = @JoinColumn(name = "run_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("name ASC")
    @BatchFetch(BatchFetchType.IN)
    private List<Tag> tags = new ArrayList<>();

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

    public List<Tag> getTags() {
        return tags;
    }
}
