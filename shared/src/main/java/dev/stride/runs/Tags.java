package dev.stride.runs;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Tag names as stored (lower-case, merged, alphabetical) and the rows behind them. */
public final class Tags {

    private Tags() {
    }

    static List<String> normalise(Collection<String> names) {
        TreeSet<String> normalised = new TreeSet<>();
        if (names != null) {
            names.forEach(name -> normalised.add(normalise(name)));
        }
        return List.copyOf(normalised);
    }

    /** A tag name as stored and as the tag filter compares it. */
    public static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The tags with these names, created if new; safe against another request creating them at once. */
    static List<Tag> findOrCreate(EntityManager em, List<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        for (String name : names) {
            em.createNativeQuery("INSERT INTO tags (name) VALUES (?1) ON CONFLICT (name) DO NOTHING")
                    .setParameter(1, name)
                    .executeUpdate();
        }
        return em.createQuery("SELECT t FROM Tag t WHERE t.name IN :names ORDER BY t.name", Tag.class)
                .setParameter("names", names)
                .getResultList();
    }
}
