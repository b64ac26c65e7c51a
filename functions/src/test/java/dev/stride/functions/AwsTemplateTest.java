package dev.stride.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stride.testkit.SamTemplate;
import dev.stride.testkit.SamTemplate.Function;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What makes the stack ready for AWS: secrets only by reference, SnapStart behind an alias the API
 * invokes, migrations on every deploy before new code serves, least-privilege roles, the network
 * and concurrency switches; and infra/database.yaml, which feeds the main stack's parameters.
 */
class AwsTemplateTest {

    private static ObjectNode template;
    private static ObjectNode database;
    private static List<Function> functions;

    @BeforeAll
    static void load() {
        template = SamTemplate.load();
        database = SamTemplate.load(SamTemplate.projectRoot().resolve("infra/database.yaml"));
        functions = SamTemplate.functions(template);
    }

    @Test
    void environment_whenRead_thenHoldsNoSecretValueOnlySecretArns() throws Exception {
        JsonNode variables = template.at("/Globals/Function/Environment/Variables");
        Set<String> noEcho = new HashSet<>();
        template.path("Parameters").properties().forEach(p -> {
            if (p.getValue().path("NoEcho").asBoolean()) {
                noEcho.add(p.getKey());
            }
        });

        // A NoEcho parameter is a secret typed in; there is none left to pass on.
        assertThat(noEcho).isEmpty();
        assertThat(variables.at("/STRIDE_CURSOR_KEY_SECRET_ARN/Ref").asText()).isEqualTo("CursorKeySecret");
        assertThat(template.at("/Resources/CursorKeySecret/Type").asText()).isEqualTo("AWS::SecretsManager::Secret");
        assertThat(variables.at("/DB_SECRET_ARN/Ref").asText()).isEqualTo("DatabaseSecretArn");
        // Dynamic references would put the value itself into the function's configuration.
        assertThat(Files.readString(SamTemplate.projectRoot().resolve("template.yaml"))).doesNotContain("{{resolve:");
        for (Function function : functions) {
            assertThat(template.at("/Resources/" + function.logicalId() + "/Properties/Environment").isMissingNode())
                    .as(function.logicalId() + " adds no variables of its own").isTrue();
        }
    }

    @Test
    void snapStart_whenDeployed_thenPublishedVersionsBehindAnAliasTheApiInvokes() {
        JsonNode globals = template.at("/Globals/Function");

        assertThat(globals.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(globals.path("AutoPublishAlias").asText()).isEqualTo("live");
        for (Function function : functions) {
            // A configuration change must publish a version too, or the alias keeps the old one.
            assertThat(template.at("/Resources/" + function.logicalId() + "/Properties/AutoPublishAliasAllProperties").asBoolean())
                    .as(function.logicalId()).isTrue();
        }
        // With AutoPublishAlias, SAM points every HttpApi integration and its permission at the alias.
        assertThat(functions.stream().filter(f -> f.routeKey().isPresent())).hasSize(17);
    }

    @Test
    void migrations_whenStackCreatedOrUpdated_thenCustomResourceRunsNewVersionBeforeTheApiFunctions() {
        JsonNode schema = template.at("/Resources/DatabaseSchema");

        assertThat(schema.path("Type").asText()).isEqualTo("Custom::DatabaseSchema");
        assertThat(schema.at("/Properties/ServiceToken/Ref").asText()).isEqualTo("MigrateFunction.Alias");
        // A new version on every deploy: CloudFormation sends Update, the function migrates.
        assertThat(schema.at("/Properties/CodeVersion/Ref").asText()).isEqualTo("MigrateFunction.Version");
        int functionTimeout = template.at("/Resources/MigrateFunction/Properties/Timeout").asInt();
        assertThat(functionTimeout).isGreaterThan(60);
        // Without ServiceTimeout CloudFormation waits an hour for an answer from a function that never ran.
        assertThat(schema.at("/Properties/ServiceTimeout").asInt()).isGreaterThan(functionTimeout).isLessThan(3600);
        for (Function function : functions) {
            if (function.routeKey().isPresent()) {
                assertThat(template.at("/Resources/" + function.logicalId() + "/DependsOn").asText())
                        .as(function.logicalId()).isEqualTo("DatabaseSchema");
            }
        }
    }

    @Test
    void roles_whenGranted_thenEachFunctionGetsOnlyWhatItUses() {
        for (Function function : functions) {
            List<String> policies = new ArrayList<>();
            template.at("/Resources/" + function.logicalId() + "/Properties/Policies")
                    .forEach(policy -> policies.add(policy.path("Ref").asText()));
            if (function.routeKey().isPresent()) {
                assertThat(policies).as(function.logicalId()).containsExactly("DatabaseLoginPolicy", "CursorKeyPolicy");
            } else {
                assertThat(policies).as(function.logicalId()).containsExactly("DatabaseLoginPolicy");
            }
        }
        JsonNode login = template.at("/Resources/DatabaseLoginPolicy/Properties/PolicyDocument/Statement");
        assertThat(login.findValuesAsText("Action")).containsExactlyInAnyOrder("secretsmanager:GetSecretValue", "rds-db:connect");
        assertThat(login.toString()).doesNotContain("\"*\"");
        // The boundary caps every role: it must allow what the policies grant.
        String boundary = template.at("/Resources/FunctionPermissionsBoundary/Properties/PolicyDocument").toString();
        assertThat(boundary).contains("secretsmanager:GetSecretValue", "rds-db:connect", "ec2:CreateNetworkInterface");
        // Reading a secret makes Secrets Manager call kms:Decrypt for the role: the boundary allows it, only that way.
        JsonNode decrypt = null;
        for (JsonNode statement : template.at("/Resources/FunctionPermissionsBoundary/Properties/PolicyDocument/Statement")) {
            if ("kms:Decrypt".equals(statement.path("Action").asText())) {
                decrypt = statement;
            }
        }
        assertThat(decrypt).as("a kms:Decrypt statement in the boundary").isNotNull();
        assertThat(decrypt.at("/Condition/StringEquals/kms:ViaService/Fn::Sub").asText())
                .isEqualTo("secretsmanager.${AWS::Region}.amazonaws.com");
    }

    @Test
    void api_whenDeployed_thenThrottledByDefaultWithParameters() {
        JsonNode routes = template.at("/Resources/StrideApi/Properties/DefaultRouteSettings");

        assertThat(routes.at("/ThrottlingRateLimit/Ref").asText()).isEqualTo("ApiThrottlingRateLimit");
        assertThat(routes.at("/ThrottlingBurstLimit/Ref").asText()).isEqualTo("ApiThrottlingBurstLimit");
        // Far below the account's 10,000 requests per second, so the database's connections set the pace.
        assertThat(template.at("/Parameters/ApiThrottlingRateLimit/Default").asInt()).isBetween(1, 1000);
        assertThat(template.at("/Parameters/ApiThrottlingBurstLimit/Default").asInt()).isBetween(1, 1000);
    }

    @Test
    void scale_whenParametersSet_thenVpcAndConcurrencyGuardApplyToEveryFunction() {
        JsonNode globals = template.at("/Globals/Function");

        assertThat(globals.at("/VpcConfig/Fn::If/0").asText()).isEqualTo("InVpc");
        assertThat(globals.at("/VpcConfig/Fn::If/1/SubnetIds/Ref").asText()).isEqualTo("SubnetIds");
        assertThat(globals.at("/VpcConfig/Fn::If/1/SecurityGroupIds/Ref").asText()).isEqualTo("SecurityGroupIds");
        assertThat(globals.at("/ReservedConcurrentExecutions/Fn::If/0").asText()).isEqualTo("LimitConcurrency");
        assertThat(template.at("/Parameters/FunctionConcurrencyLimit/Default").asInt()).isZero();
        assertThat(template.at("/Parameters/SubnetIds/Type").asText()).isEqualTo("CommaDelimitedList");
    }

    @Test
    void databaseTemplate_whenParsed_thenAuroraServerlessWithManagedSecretBehindAProxy() {
        assertThat(database.path("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        JsonNode resources = database.path("Resources");
        Map<String, String> types = new java.util.TreeMap<>();
        resources.properties().forEach(r -> types.put(r.getKey(), r.getValue().path("Type").asText()));
        assertThat(types).containsEntry("DatabaseCluster", "AWS::RDS::DBCluster")
                .containsEntry("DatabaseInstance", "AWS::RDS::DBInstance")
                .containsEntry("DatabaseProxy", "AWS::RDS::DBProxy")
                .containsEntry("DatabaseProxyTargetGroup", "AWS::RDS::DBProxyTargetGroup");

        JsonNode cluster = resources.at("/DatabaseCluster/Properties");
        assertThat(cluster.path("Engine").asText()).isEqualTo("aurora-postgresql");
        assertThat(cluster.path("ManageMasterUserPassword").asBoolean()).isTrue();
        assertThat(cluster.has("MasterUserPassword")).isFalse();
        assertThat(cluster.path("EnableIAMDatabaseAuthentication").asBoolean()).isTrue();
        assertThat(cluster.has("ServerlessV2ScalingConfiguration")).isTrue();
        assertThat(resources.at("/DatabaseInstance/Properties/DBInstanceClass").asText()).isEqualTo("db.serverless");

        JsonNode proxy = resources.at("/DatabaseProxy/Properties");
        assertThat(proxy.path("EngineFamily").asText()).isEqualTo("POSTGRESQL");
        assertThat(proxy.path("RequireTLS").asBoolean()).isTrue();
        assertThat(proxy.at("/Auth/0/SecretArn/Fn::GetAtt").toString())
                .isEqualTo("[\"DatabaseCluster\",\"MasterUserSecret.SecretArn\"]");
        assertThat(proxy.at("/Auth/0/IAMAuth/Ref").asText()).isEqualTo("ProxyIamAuth");
        // Functions -> proxy -> database, and nothing else, on 5432.
        assertThat(resources.at("/ProxySecurityGroup/Properties/SecurityGroupIngress/0/SourceSecurityGroupId/Ref").asText())
                .isEqualTo("FunctionSecurityGroup");
        assertThat(resources.at("/DatabaseSecurityGroup/Properties/SecurityGroupIngress/0/SourceSecurityGroupId/Ref").asText())
                .isEqualTo("ProxySecurityGroup");
    }

    @Test
    void databaseTemplate_whenOutputsRead_thenEachFeedsAMainStackParameter() {
        List<String> outputs = new ArrayList<>();
        database.path("Outputs").fieldNames().forEachRemaining(outputs::add);
        outputs.remove("ClusterEndpoint"); // for administrators

        assertThat(outputs).containsExactlyInAnyOrder("DatabaseJdbcUrl", "DatabaseSecretArn", "DatabaseUser",
                "DatabaseResourceId", "SubnetIds", "SecurityGroupIds");
        for (String output : outputs) {
            assertThat(template.at("/Parameters/" + output).isMissingNode()).as(output).isFalse();
        }
    }

    @Test
    void databaseTemplate_whenReferencesChecked_thenEachNamesSomethingDeclared() {
        Set<String> declared = new HashSet<>();
        database.path("Parameters").fieldNames().forEachRemaining(declared::add);
        database.path("Resources").fieldNames().forEachRemaining(declared::add);
        Set<String> conditions = new HashSet<>();
        database.path("Conditions").fieldNames().forEachRemaining(conditions::add);
        List<String> dangling = new ArrayList<>();

        collect(database, declared, conditions, dangling);

        assertThat(dangling).isEmpty();
    }

    /** cfn-lint knows every resource type's properties and values; where it is installed, the three templates pass it. */
    @Test
    void templates_whenLintedWithCfnLint_thenNoFinding() throws Exception {
        Path cfnLint = onPath("cfn-lint");
        assumeTrue(cfnLint != null, "skipped: cfn-lint is not installed (pip install cfn-lint) — the schema and structure checks above still ran");
        Path root = SamTemplate.projectRoot();
        Process lint = new ProcessBuilder(cfnLint.toString(), "template.yaml", "infra/database.yaml", "infra/web.yaml")
                .directory(root.toFile()).redirectErrorStream(true).start();
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("cfn-lint finished").isTrue();
        String findings = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(lint.exitValue()).as(findings).isZero();
    }

    private static void collect(JsonNode node, Set<String> declared, Set<String> conditions, List<String> dangling) {
        if (node.isObject()) {
            if (node.has("Ref") && node.size() == 1 && !node.get("Ref").asText().startsWith("AWS::")
                    && !declared.contains(node.get("Ref").asText())) {
                dangling.add("Ref " + node.get("Ref").asText());
            }
            if (node.has("Fn::GetAtt") && !declared.contains(node.get("Fn::GetAtt").get(0).asText())) {
                dangling.add("GetAtt " + node.get("Fn::GetAtt").get(0).asText());
            }
            if (node.has("Condition") && node.get("Condition").isTextual() && !conditions.contains(node.get("Condition").asText())) {
                dangling.add("Condition " + node.get("Condition").asText());
            }
            var matcher = java.util.regex.Pattern.compile("\\$\\{([^}!.]+)[^}]*}").matcher(node.path("Fn::Sub").asText(""));
            while (matcher.find()) {
                if (!matcher.group(1).startsWith("AWS::") && !declared.contains(matcher.group(1))) {
                    dangling.add("Sub " + matcher.group(1));
                }
            }
        }
        node.forEach(child -> collect(child, declared, conditions, dangling));
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
