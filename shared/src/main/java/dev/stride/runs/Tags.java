package dev.stride.runs;

import dev.stride.db.NativeSql;
import dev.stride.db.SqlArray;
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

    // Every name in one statement, in name order (the order the names come in: sorted), the order
    // in which concurrent writers lock new tags. A name another request is inserting at once is
    // waited for and then skipped if that request commits: the next statement sees its row.
    private static final NativeSql INSERT_MISSING =
            NativeSql.of("INSERT INTO tags (name) SELECT unnest(CAST(?1 AS varchar[])) ON CONFLICT (name) DO NOTHING");

    /** Creates the tags with these names (sorted, as {@link #normalise(Collection)} gives them) that do not exist yet. */
    static void insertMissing(EntityManager em, List<String> names) {
        if (!names.isEmpty()) {
            INSERT_MISSING.on(em).setText(1, SqlArray.literal(names)).update();
        }
    }
}
