package dev.stride.functions.migrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.stride.aws.CustomResource;
import dev.stride.db.DatabaseSettings;
import dev.stride.db.LoginDataSource;
import dev.stride.db.Migrations;
import dev.stride.instance.DatabaseAccess;
import dev.stride.observability.Invocation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway, on every deploy: the template's custom
 * resource invokes it on stack create and update (and it does nothing on delete), and it can be
 * invoked by hand ({@code aws lambda invoke --function-name <MigrateFunction> out.json}). Running it
 * again when nothing is pending changes nothing; a migration that fails is rolled back.
 */
public final class MigrateHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** One schema per stack: the same id on every update, so CloudFormation never replaces it. */
    static final String PHYSICAL_RESOURCE_ID = "stride-database-schema";

    private final Supplier<DataSource> database;
    private final String[] locations;

    public MigrateHandler() {
        // Resolved per invocation, not at init: a missing secret or a bad setting must become a
        // FAILED answer to CloudFormation, not an init error that leaves the stack waiting.
        this(() -> DatabaseAccess.fromEnvironment().dataSource(), Migrations.LOCATION);
    }

    public MigrateHandler(DatabaseSettings settings) {
        this(() -> LoginDataSource.of(settings), Migrations.LOCATION);
    }

    /** A handler over {@code database} with the scripts of {@code locations} (tests). */
    public MigrateHandler(Supplier<DataSource> database, String... locations) {
        this.database = database;
        this.locations = locations;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        try (Invocation ignored = Invocation.begin(context)) {
            if (CustomResource.isRequest(input)) {
                return new CustomResource(PHYSICAL_RESOURCE_ID).handle(input, context, this::migrate);
            }
            return migrate();
        }
    }

    private Map<String, Object> migrate() {
        MigrateResult result = Migrations.migrate(database.get(), locations);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("migrationsApplied", result.migrationsExecuted);
        answer.put("schemaVersion", result.targetSchemaVersion != null
                ? result.targetSchemaVersion : result.initialSchemaVersion);
        return answer;
    }
}
