package dev.stride.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import dev.stride.db.DatabaseSettings;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The single value a query answers, over a connection of a data source: {@code SELECT current_user}. */
public final class Sql {

    private Sql() {
    }

    /** Unpooled connections to the database {@code settings} name (a server's own, in the local server's tests). */
    public static DataSource dataSource(DatabaseSettings settings) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(settings.jdbcUrl());
        dataSource.setUser(settings.user());
        dataSource.setPassword(settings.password());
        return dataSource;
    }

    /** The single text value {@code sql} answers, e.g. {@code SHOW hba_file}. */
    public static String single(DataSource dataSource, String sql) {
        return answer(dataSource, sql, rows -> rows.getString(1));
    }

    /** The single number a counting query answers, e.g. {@code SELECT count(*) FROM runs}. */
    public static long count(DataSource dataSource, String sql) {
        return answer(dataSource, sql, rows -> rows.getLong(1));
    }

    /** Runs a statement that answers nothing, e.g. {@code TRUNCATE runs}. */
    public static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private interface Column<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T answer(DataSource dataSource, String sql, Column<T> column) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return column.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
