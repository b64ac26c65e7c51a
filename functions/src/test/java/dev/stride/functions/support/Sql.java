package dev.stride.functions.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The single value a query answers, over a connection of {@code dataSource}: {@code SELECT current_user}. */
public final class Sql {

    private Sql() {
    }

    public static String single(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection()) {
            return single(connection, sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
