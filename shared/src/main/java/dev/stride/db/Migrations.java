package dev.stride.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.ds.PGSimpleDataSource;

/** The schema, from the versioned scripts in {@code db/migration} and nowhere else. */
public final class Migrations {

    /** Where Stride's versioned scripts are. */
    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Migrates the database {@code settings} name, over a connection of its own. */
    public static MigrateResult migrate(DatabaseSettings settings) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(settings.jdbcUrl());
        dataSource.setUser(settings.user());
        dataSource.setPassword(settings.password());
        return migrate(dataSource);
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return migrate(dataSource, LOCATION);
    }

    /** Migrates with the scripts of {@code locations} (tests add a location of their own). */
    public static MigrateResult migrate(DataSource dataSource, String... locations) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                // Each migration runs in its own transaction: one that fails leaves the previous
                // schema as it was (PostgreSQL has transactional DDL).
                .group(false)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
