package dev.stride.dashboard;

import dev.stride.db.Database;
import dev.stride.domain.Caller;
import dev.stride.domain.NotFound;
import dev.stride.domain.Rounding;
import dev.stride.domain.UserRef;
import dev.stride.paging.DateRange;
import dev.stride.users.Ownership;
import jakarta.persistence.Query;
import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard, computed by PostgreSQL without loading the runs: whole weeks come from the
 * {@code run_weeks} totals that a trigger keeps (migration V2), and the part-weeks at the edges of
 * a {@code from}/{@code to} range from an aggregate over just those days. The cost follows the
 * number of weeks in the answer, not the number of runs the user has.
 */
public final class DashboardService {

    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    /**
     * The whole dashboard in one statement (one round trip, no transaction): the user the request
     * names, if the caller may reach it ({@code %s}: the condition on {@code users}), its weeks
     * (whole weeks from {@code run_weeks}, the part-weeks at the edges aggregated from {@code runs};
     * no weeks: one row of nulls) and its latest mood in the range. No row: no such user for this
     * caller. The latest mood is looked up once, with the user (MATERIALIZED keeps PostgreSQL from
     * inlining it back into every week's row: 144 lookups for a user with 1,000 runs). The part-weeks
     * at the two edges are a branch each (they never share a week): each is a range scan of the
     * (user_id, run_date) index, and an empty one (no part-week: the default range) reads nothing;
     * one condition with OR over both ranges was planned as a scan of all the user's runs, filtered.
     */
    private static final String DASHBOARD = """
            WITH owner AS MATERIALIZED (
                  SELECT id, username,
                         (SELECT description
                            FROM moods
                           WHERE user_id = users.id AND mood_date BETWEEN ?2 AND ?3
                           ORDER BY mood_date DESC, id DESC
                           LIMIT 1) AS latest_mood
                    FROM users
                   WHERE %s)
            SELECT owner.username, w.week_start, w.runs, w.distance_km, w.timed_seconds, w.timed_km, w.longest_km,
                   owner.latest_mood
              FROM owner
              LEFT JOIN LATERAL (
                    SELECT week_start, runs, distance_km, timed_seconds, timed_km, longest_km
                      FROM run_weeks
                     WHERE user_id = owner.id AND week_start BETWEEN ?4 AND ?5
                    UNION ALL
                    SELECT CAST(date_trunc('week', run_date) AS date), count(*), sum(CAST(distance_km AS numeric)),
                           coalesce(sum(duration_seconds), 0),
                           coalesce(sum(CAST(distance_km AS numeric)) FILTER (WHERE duration_seconds IS NOT NULL), 0), max(distance_km)
                      FROM runs WHERE user_id = owner.id AND run_date BETWEEN ?6 AND ?7 GROUP BY 1
                    UNION ALL
                    SELECT CAST(date_trunc('week', run_date) AS date), count(*), sum(CAST(distance_km AS numeric)),
                           coalesce(sum(duration_seconds), 0),
                           coalesce(sum(CAST(distance_km AS numeric)) FILTER (WHERE duration_seconds IS NOT NULL), 0), max(distance_km)
                      FROM runs WHERE user_id = owner.id AND run_date BETWEEN ?8 AND ?9 GROUP BY 1) w ON true
             ORDER BY w.week_start""";

    /** The caller's sub, when the owner's condition needs it: after the range's parameters. */
    private static final int SUB_PARAMETER = 10;

    /** The statement for each form of the owner's condition (three at most). */
    private static final Map<String, String> STATEMENTS = new ConcurrentHashMap<>();

    private final Database database;

    public DashboardService(Database database) {
        this.database = database;
    }

    public DashboardView get(Caller caller, UserRef owner, DateRange range) {
        Plan plan = Plan.of(range.from(), range.to());
        return database.read(em -> {
            String statement = STATEMENTS.computeIfAbsent(Ownership.condition(caller, owner, SUB_PARAMETER), DASHBOARD::formatted);
            Query select = Ownership.bind(em.createNativeQuery(statement), caller, owner, SUB_PARAMETER);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = select
                    .setParameter(2, plan.from).setParameter(3, plan.to)
                    .setParameter(4, plan.wholeWeeksFrom).setParameter(5, plan.wholeWeeksTo)
                    .setParameter(6, plan.headFrom).setParameter(7, plan.headTo)
                    .setParameter(8, plan.tailFrom).setParameter(9, plan.tailTo)
                    .getResultList();
            if (rows.isEmpty()) {
                throw new NotFound("user");
            }
            List<Object[]> weeks = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                if (row[1] != null) {
                    weeks.add(Arrays.copyOfRange(row, 1, 7));
                }
            }
            return summarise((String) rows.get(0)[0], weeks, (String) rows.get(0)[7]);
        });
    }

    private static DashboardView summarise(String username, List<Object[]> rows, String latestMood) {
        long runs = 0;
        double km = 0;
        double timedSeconds = 0;
        double timedKm = 0;
        Double longest = null;
        List<DashboardView.Week> weeks = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long weekRuns = ((Number) row[1]).longValue();
            double weekKm = ((Number) row[2]).doubleValue();
            double weekLongest = ((Number) row[5]).doubleValue();
            runs += weekRuns;
            km += weekKm;
            timedSeconds += ((Number) row[3]).doubleValue();
            timedKm += ((Number) row[4]).doubleValue();
            longest = longest == null ? weekLongest : Math.max(longest, weekLongest);
            weeks.add(new DashboardView.Week(toLocalDate(row[0]), weekRuns, Rounding.round(weekKm, 3)));
        }
        return new DashboardView(
                username,
                runs,
                Rounding.round(km, 3),
                runs == 0 ? null : Rounding.round(km / runs, 3),
                Rounding.round(longest, 3),
                timedKm == 0 ? null : Rounding.round(timedSeconds / timedKm, 1),
                latestMood,
                weeks);
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /**
     * Which weeks come whole from {@code run_weeks}, and which days at the head and tail of the
     * range are aggregated from {@code runs} because their week is cut by {@code from} or {@code to}.
     * An empty day range is written as LAST..FIRST.
     */
    private record Plan(LocalDate from, LocalDate to,
                        LocalDate wholeWeeksFrom, LocalDate wholeWeeksTo,
                        LocalDate headFrom, LocalDate headTo,
                        LocalDate tailFrom, LocalDate tailTo) {

        static Plan of(LocalDate requestedFrom, LocalDate requestedTo) {
            LocalDate from = requestedFrom == null ? FIRST : requestedFrom;
            LocalDate to = requestedTo == null ? LAST : requestedTo;
            // The first Monday on or after `from`, and the last Sunday on or before `to`.
            LocalDate firstWhole = requestedFrom == null
                    ? FIRST : min(from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)), LAST);
            LocalDate lastWhole = requestedTo == null
                    ? LAST : to.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            if (firstWhole.isAfter(lastWhole) || lastWhole.minusDays(6).isBefore(firstWhole)) {
                // No whole week inside the range: it is a few days, aggregated directly.
                return new Plan(from, to, LAST, FIRST, from, to, LAST, FIRST);
            }
            return new Plan(from, to,
                    firstWhole, lastWhole.minusDays(6),
                    from.isBefore(firstWhole) ? from : LAST, from.isBefore(firstWhole) ? firstWhole.minusDays(1) : FIRST,
                    lastWhole.isBefore(to) ? lastWhole.plusDays(1) : LAST, lastWhole.isBefore(to) ? to : FIRST);
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }
    }
}
