package dev.stride.functions.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.db.Database;
import dev.stride.db.NativeSql;
import dev.stride.testkit.TestDatabase;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Native statements run over JDBC on the unit of work's own connection: the same connection as
 * EclipseLink's statements, in autocommit and in a transaction, and every value bound with its type.
 */
class NativeSqlTest {

    private static final NativeSql BACKEND = NativeSql.of("SELECT pg_backend_pid()");

    @Test
    void read_whenEclipseLinkAndNativeSqlBothRun_thenOneConnectionServesBoth() {
        // A pool of one: a second connection would not be free (and the read would time out).
        try (Database database = Database.open(TestDatabase.settings())) {
            List<Integer> backends = database.read(em -> List.of(eclipseLinkBackend(em), BACKEND.on(em).first(row -> row.getInt(1)),
                    eclipseLinkBackend(em)));

            assertThat(backends).hasSize(3).containsOnly(backends.get(0));
            assertThat(database.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void transaction_whenTheWorkFails_thenItsNativeStatementsAreUndone() {
        Database database = TestDatabase.stride().database();
        NativeSql insert = NativeSql.of("INSERT INTO tags (name) VALUES (?1)");

        assertThatThrownBy(() -> database.transaction(em -> {
            insert.on(em).setText(1, "native-sql-undone").update();
            throw new IllegalStateException("the work fails after its insert");
        })).hasMessage("the work fails after its insert");

        assertThat(TestDatabase.count("SELECT count(*) FROM tags WHERE name = 'native-sql-undone'")).isZero();
    }

    @Test
    void on_whenANumberRepeatsOrAMarkerSitsInQuotes_thenEachOccurrenceIsBoundAndQuotesAreLeftAlone() {
        NativeSql concatenation = NativeSql.of("SELECT CAST(?1 AS text) || '?2' || CAST(?1 AS text) AS \"?3\"");

        String text = TestDatabase.stride().database().read(em -> concatenation.on(em).setText(1, "a").first(row -> row.getString(1)));

        assertThat(text).isEqualTo("a?2a");
    }

    @Test
    void on_whenValuesAreNull_thenEachIsBoundWithItsType() {
        NativeSql types = NativeSql.of("SELECT CAST(pg_typeof(?1) AS text), CAST(pg_typeof(?2) AS text), CAST(pg_typeof(?3) AS text),"
                + " CAST(pg_typeof(?4) AS text), CAST(pg_typeof(?5) AS text)");

        List<String> bound = TestDatabase.stride().database().read(em -> types.on(em)
                .setText(1, null).setInteger(2, null).setDate(3, null).setLong(4, 5).setDate(5, LocalDate.of(2026, 1, 31))
                .first(row -> List.of(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5))));

        assertThat(bound).containsExactly("character varying", "integer", "date", "bigint", "date");
    }

    @Test
    void on_whenTheStatementFails_thenTheDriversSqlStateIsKept() {
        NativeSql division = NativeSql.of("SELECT 1 / ?1");

        assertThatThrownBy(() -> TestDatabase.stride().database().read(em -> division.on(em).setInteger(1, 0).first(row -> row.getInt(1))))
                .hasRootCauseInstanceOf(SQLException.class)
                .satisfies(failure -> assertThat(((SQLException) failure.getCause()).getSQLState()).isEqualTo("22012"));
    }

    private static int eclipseLinkBackend(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT pg_backend_pid()").getSingleResult()).intValue();
    }
}
