package dev.stride.local.lambda;

import dev.stride.local.template.FunctionSpec;
import dev.stride.local.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A function's environment as Lambda would give it: the template's variables (Globals merged
 * with the function's), overridden by the env-vars file; the database variables replaced by the
 * local database's; Lambda's reserved variables set as the Lambda runtime sets them.
 */
public final class LambdaEnvironment {

    /**
     * The variables the local database replaces in every function's environment: where the
     * database is, and how a deployed function logs in to it (a secret, IAM), which would
     * otherwise send it to AWS for a login.
     */
    public static final Set<String> DATABASE_VARIABLES = Set.of("DB_URL", "DB_USER", "DB_PASSWORD", "DATABASE_URL",
            "DB_SECRET_ARN", "DB_IAM_AUTH");

    /** {@code AWS_LAMBDA_INITIALIZATION_TYPE} of an instance started ahead of traffic. */
    public static final String PROVISIONED = "provisioned-concurrency";
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

    private LambdaEnvironment() {
    }

    /**
     * @param database the variables that point a function at the local database (DB_URL...),
     *                 or null to leave the template's
     * @param warnings where to note the env-vars entries the template does not declare
     */
    public static Map<String, String> of(FunctionSpec spec, EnvVarsFile envVars, Map<String, String> database,
                                         String region, CodePackage code, List<String> warnings) {
        List<String> ignored = new ArrayList<>();
        Map<String, String> environment = new TreeMap<>(envVars.apply(spec.logicalId(), spec.environment(), ignored));
        ignored.forEach(name -> warnings.add("env-vars: " + name + " is not declared in the template for that function; "
                + "ignored (as SAM does)"));
        if (database != null) {
            environment.keySet().removeAll(DATABASE_VARIABLES);
            environment.putAll(database);
        }
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime());
        environment.put("AWS_LAMBDA_FUNCTION_NAME", spec.logicalId());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(spec.memorySize()));
        environment.put(INITIALIZATION_TYPE, "on-demand");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.logicalId());
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        environment.put("AWS_SAM_LOCAL", "true");
        environment.put("LAMBDA_TASK_ROOT", code.root().toString());
        environment.put("TZ", ":UTC");
        environment.put("_HANDLER", spec.handler());
        return environment;
    }

    /** AWS_REGION, else AWS_DEFAULT_REGION, else the template default. */
    public static String region(Map<String, String> environment) {
        for (String name : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return Template.DEFAULT_REGION;
    }
}
