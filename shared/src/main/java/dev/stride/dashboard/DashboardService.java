package dev.stride.dashboard;

import dev.stride.Numbers;
import dev.stride.api.Caller;
import dev.stride.api.UserRef;
import dev.stride.db.Database;
import dev.stride.paging.ListQuery;
import dev.stride.users.Owners;
import dev.stride.users.User;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** The dashboard: aggregates computed by PostgreSQL, never by loading the runs. */
public final class DashboardService {

    private static final LocalDate NO_START = LocalDate.of(1, 1, 1);
    private static final LocalDate NO_END = LocalDate.of(9999, 12, 31);

    // The average pace is the timed runs' total duration over their total distance.
    private static final String TOTALS = """
            SELECT count(*),
                   coalesce(sum(distance_km), 0),
                   avg(distance_km),
                   max(distance_km),
                   sum(duration_seconds),
                   sum(distance_km) FILTER (WHERE duration_seconds IS NOT NULL)
              FROM runs
             WHERE user_id = ?1 AND run_date BETWEEN ?2 AND ?3""";

    // date_trunc('week') starts weeks on Monday (ISO 8601).
    private static final String WEEKS = """
            SELECT CAST(date_trunc('week', run_date) AS date), count(*), sum(distance_km)
              FROM runs
             WHERE user_id = ?1 AND run_date BETWEEN ?2 AND ?3
             GROUP BY 1
             ORDER BY 1""";

    private static final String LATEST_MOOD = """
            SELECT description
              FROM moods
             WHERE user_id = ?1 AND mood_date BETWEEN ?2 AND ?3
             ORDER BY mood_date DESC, id DESC
             LIMIT 1""";

    private final Database database;

    public DashboardService(Database database) {
        this.database = database;
    }

    public DashboardView get(Caller caller, UserRef owner, ListQuery range) {
        LocalDate from = range.from() == null ? NO_START : range.from();
        LocalDate to = range.to() == null ? NO_END : range.to();
        return database.transaction(em -> {
            User user = Owners.resolve(em, caller, owner);
            Object[] totals = (Object[]) em.createNativeQuery(TOTALS)
                    .setParameter(1, user.getId()).setParameter(2, from).setParameter(3, to)
                    .getSingleResult();
            @SuppressWarnings("unchecked")
            List<Object[]> weeks = em.createNativeQuery(WEEKS)
                    .setParameter(1, user.getId()).setParameter(2, from).setParameter(3, to)
                    .getResultList();
            @SuppressWarnings("unchecked")
            List<Object> mood = em.createNativeQuery(LATEST_MOOD)
                    .setParameter(1, user.getId()).setParameter(2, from).setParameter(3, to)
                    .getResultList();

            long runs = ((Number) totals[0]).longValue();
            Double timedSeconds = toDouble(totals[4]);
            Double timedKm = toDouble(totals[5]);
            Double pace = timedSeconds == null || timedKm == null || timedKm == 0 ? null : timedSeconds / timedKm;
            return new DashboardView(
                    user.getUsername(),
                    runs,
                    Numbers.round(toDouble(totals[1]), 3),
                    Numbers.round(toDouble(totals[2]), 3),
                    Numbers.round(toDouble(totals[3]), 3),
                    Numbers.round(pace, 1),
                    mood.isEmpty() ? null : (String) mood.get(0),
                    weeks.stream().map(DashboardService::week).toList());
        });
    }

    private static DashboardView.Week week(Object[] row) {
        LocalDate start = row[0] instanceof Date date ? date.toLocalDate() : (LocalDate) row[0];
        return new DashboardView.Week(start, ((Number) row[1]).longValue(), Numbers.round(toDouble(row[2]), 3));
    }

    private static Double toDouble(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
