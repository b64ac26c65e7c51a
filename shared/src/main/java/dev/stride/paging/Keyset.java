package dev.stride.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one keyset-paged list query, newest first, in SQL: the conditions of a list, each added with
 * the values it binds (each {@code ?} in a condition becomes the next numbered parameter, so the
 * statement and its parameters cannot disagree), then the page after a cursor, strictly after the
 * cursor's position in the list's order ({@code (date, id) DESC}, or {@code id DESC}), and the
 * limit written as a number (with a parameter there, PostgreSQL plans every execution anew, 0.2 ms,
 * as much as running it; with a number it keeps one plan).
 */
public final class Keyset {

    private final String date;
    private final String id;
    private final int firstParameter;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    private Keyset(String date, String id, int firstParameter) {
        this.date = date;
        this.id = id;
        this.firstParameter = firstParameter;
    }

    /**
     * Rows ordered by the column {@code date}, then {@code id}, both descending (e.g. {@code r.run_date},
     * {@code r.id}); the first value binds to {@code ?firstParameter} (the ones before are the statement's own).
     */
    public static Keyset byDateThenId(String date, String id, int firstParameter) {
        return new Keyset(date, id, firstParameter);
    }

    /** Rows ordered by the column {@code id}, descending. */
    public static Keyset byId(String id, int firstParameter) {
        return new Keyset(null, id, firstParameter);
    }

    /** A condition and the values of its {@code ?} markers, in order, e.g. {@code r.user_id = ?}. */
    public Keyset where(String condition, Object... bound) {
        StringBuilder numbered = new StringBuilder(condition.length() + 8);
        int value = 0;
        for (int i = 0; i < condition.length(); i++) {
            char c = condition.charAt(i);
            numbered.append(c);
            if (c == '?') {
                numbered.append(nextParameter());
                values.add(bound[value++]);
            }
        }
        if (value != bound.length) {
            throw new IllegalArgumentException(bound.length + " values for " + value + " markers: " + condition);
        }
        conditions.add(numbered.toString());
        return this;
    }

    /** {@link #where}, when {@code value} is given; no condition at all when it is null. */
    public Keyset whereGiven(String condition, Object value) {
        return value == null ? this : where(condition, value);
    }

    /** Only rows dated within {@code range} (both ends inclusive, either open). */
    public Keyset within(DateRange range) {
        return whereGiven(date + " >= ?", range.from()).whereGiven(date + " <= ?", range.to());
    }

    /**
     * Only rows after {@code position} in the list's order (a position without a date, another
     * list's, finds nothing in a list by date).
     */
    public Keyset after(Cursor.Position position) {
        return date == null
                ? where(id + " < ?", position.id())
                : where("(" + date + ", " + id + ") < (CAST(? AS date), ?)", position.date(), position.id());
    }

    /** The number of the parameter after this list's, for the statement's own. */
    public int nextParameter() {
        return firstParameter + values.size();
    }

    /** The conditions, the order and the limit, to follow a {@code SELECT ... FROM ...}. */
    public String sql(int limit) {
        StringBuilder sql = new StringBuilder();
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(date == null ? " ORDER BY " + id + " DESC" : " ORDER BY " + date + " DESC, " + id + " DESC");
        return sql.append(" LIMIT ").append(limit).toString();
    }

    /** Binds the values of this list's conditions in {@code query}. */
    public <Q extends Query> Q bind(Q query) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(firstParameter + i, values.get(i));
        }
        return query;
    }

    /** The first {@code max} rows of {@code select} (e.g. {@code SELECT m.* FROM moods m}) as entities of {@code type}. */
    public <T> List<T> first(EntityManager em, String select, Class<T> type, int max) {
        @SuppressWarnings("unchecked")
        List<T> rows = bind(em.createNativeQuery(select + sql(max), type)).getResultList();
        return rows;
    }

    /**
     * The page {@code query} asks for, as entities of {@code type}: its cursor (if any) checked
     * against {@code scope}, then {@code limit} rows, fetched with one more to tell whether a next
     * page exists.
     */
    public <T> Page<T> page(EntityManager em, String select, Class<T> type, ListQuery<?> query, String scope,
                            Function<T, Cursor.Position> position) {
        if (query.cursor() != null) {
            after(Cursor.decode(query.cursor(), scope));
        }
        return Page.of(first(em, select, type, query.limit() + 1), query.limit(), scope, position);
    }
}
