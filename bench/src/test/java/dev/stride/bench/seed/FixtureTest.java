package dev.stride.bench.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A freshly seeded database must not hand the first write benchmark a plan the second one never
 * gets: a connection plans the foreign-key check of a run's tags at its first insert and keeps the
 * plan, so on a table of a page or two it keeps a sequential scan of {@code runs}, which the
 * benchmark then grows by thousands of runs (the first side's creates slowed down, the other's not).
 */
class FixtureTest {

    @Test
    void freshFixture_firstConnectionChecksARunsTagsThroughTheRunsIndex() throws SQLException {
        TestDatabase.reset();
        Fixture fixture = Fixture.seed(TestDatabase.settings(), List.of());

        List<String> plans = new ArrayList<>();
        try (Connection connection = fixture.connect()) {
            try (Statement sql = connection.createStatement()) {
                // Every statement's plan, the foreign-key checks' too, sent back as notices.
                sql.execute("LOAD 'auto_explain'");
                sql.execute("SET auto_explain.log_min_duration = 0");
                sql.execute("SET auto_explain.log_nested_statements = on");
                sql.execute("SET auto_explain.log_level = notice");
            }
            long runId;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO runs (user_id, distance, unit, distance_km, run_date, created_at, updated_at)
                    VALUES (?, 5, 'km', 5, current_date, now(), now()) RETURNING id""")) {
                insert.setLong(1, fixture.creator().id());
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    runId = row.getLong(1);
                }
            }
            try (PreparedStatement link = connection.prepareStatement(
                    "INSERT INTO run_tags (run_id, tag_id) SELECT ?, t.id FROM tags t WHERE t.name = 'easy'")) {
                link.setLong(1, runId);
                assertThat(link.executeUpdate()).isEqualTo(1);
                for (SQLWarning notice = link.getWarnings(); notice != null; notice = notice.getNextWarning()) {
                    plans.add(notice.getMessage());
                }
            }
        }

        String runsCheck = plans.stream().filter(plan -> plan.contains("FROM ONLY \"public\".\"runs\"")).findFirst()
                .orElseThrow(() -> new AssertionError("no plan of the check on runs among " + plans));
        assertThat(runsCheck).contains("Index Scan using runs_pkey").doesNotContain("Seq Scan");
    }
}
