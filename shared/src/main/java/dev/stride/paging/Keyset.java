package dev.stride.paging;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A keyset-paged list query, newest first: each condition is added with the value it binds, so the
 * query text and its parameters cannot disagree. The page after a cursor continues strictly after
 * the cursor's position in the list's order ({@code date DESC, id DESC}, or {@code id DESC}).
 */
public final class Keyset<T> {

    private final Class<T> type;
    private final String alias;
    private final boolean byDate;
    private final Function<T, Cursor.Position> position;
    private final List<String> joins = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private Keyset(Class<T> type, String alias, boolean byDate, Function<T, Cursor.Position> position) {
        this.type = type;
        this.alias = alias;
        this.byDate = byDate;
        this.position = position;
    }

    /** Rows of {@code type} (as {@code alias}) ordered by their {@code date}, then {@code id}, both descending. */
    public static <T> Keyset<T> byDateThenId(Class<T> type, String alias, Function<T, Cursor.Position> position) {
        return new Keyset<>(type, alias, true, position);
    }

    /** Rows of {@code type} (as {@code alias}) ordered by {@code id}, descending. */
    public static <T> Keyset<T> byId(Class<T> type, String alias, Function<T, Long> id) {
        return new Keyset<>(type, alias, false, row -> new Cursor.Position(null, id.apply(row)));
    }

    /** A join, e.g. {@code JOIN r.tags t}, for the conditions that follow. */
    public Keyset<T> join(String join) {
        joins.add(join);
        return this;
    }

    /** A condition and the value of its one named parameter, e.g. {@code r.userId = :userId}. */
    public Keyset<T> where(String condition, String parameter, Object value) {
        conditions.add(condition);
        parameters.put(parameter, value);
        return this;
    }

    /** {@link #where}, when {@code value} is given; no condition at all when it is null. */
    public Keyset<T> whereGiven(String condition, String parameter, Object value) {
        return value == null ? this : where(condition, parameter, value);
    }

    /** Only rows dated within {@code range} (both ends inclusive, either open). */
    public Keyset<T> within(DateRange range) {
        return whereGiven(alias + ".date >= :from", "from", range.from())
                .whereGiven(alias + ".date <= :to", "to", range.to());
    }

    /**
     * The page {@code query} asks for: its cursor (if any) checked against {@code scope}, then
     * {@code limit} rows, fetched with one more to tell whether a next page exists.
     */
    public Page<T> page(EntityManager em, ListQuery<?> query, String scope) {
        if (query.cursor() != null) {
            after(Cursor.decode(query.cursor(), scope));
        }
        return Page.of(first(em, query.limit() + 1), query.limit(), scope, position);
    }

    /** The first {@code max} rows. */
    public List<T> first(EntityManager em, int max) {
        String entity = em.getMetamodel().entity(type).getName();
        StringBuilder jpql = new StringBuilder("SELECT ").append(alias).append(" FROM ").append(entity).append(' ').append(alias);
        joins.forEach(join -> jpql.append(' ').append(join));
        if (!conditions.isEmpty()) {
            jpql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        jpql.append(byDate ? " ORDER BY " + alias + ".date DESC, " + alias + ".id DESC" : " ORDER BY " + alias + ".id DESC");
        TypedQuery<T> select = em.createQuery(jpql.toString(), type);
        parameters.forEach(select::setParameter);
        return select.setMaxResults(max).getResultList();
    }

    private void after(Cursor.Position after) {
        if (byDate) {
            String date = alias + ".date";
            String id = alias + ".id";
            conditions.add("(" + date + " < :afterDate OR (" + date + " = :afterDate AND " + id + " < :afterId))");
            parameters.put("afterDate", after.date());
        } else {
            conditions.add(alias + ".id < :afterId");
        }
        parameters.put("afterId", after.id());
    }
}
