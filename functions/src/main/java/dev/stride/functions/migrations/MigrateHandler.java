package dev.stride.functions.migrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.stride.db.DatabaseSettings;
import dev.stride.db.Migrations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with Flyway. Invoke it by hand after a deploy
 * ({@code aws lambda invoke --function-name <MigrateFunction> out.json}); running it again when
 * nothing is pending changes nothing.
 */
public final class MigrateHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final DatabaseSettings settings;

    public MigrateHandler() {
        this(DatabaseSettings.fromEnvironment());
    }

    public MigrateHandler(DatabaseSettings settings) {
        this.settings = settings;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        MigrateResult result = Migrations.migrate(settings);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("migrationsApplied", result.migrationsExecuted);
        answer.put("schemaVersion", result.targetSchemaVersion != null
                ? result.targetSchemaVersion : result.initialSchemaVersion);
        return answer;
    }
}
