package dev.stride.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.local.support.FixtureFunctions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading template.yaml as a deploy would: short tags, intrinsics, Globals, HttpApi events. */
class TemplateTest {

    /** The Java function {@code Fn} as a resource under {@code Resources:}, its {@code Events:} to follow (indented by 8). */
    private static final String FUNCTION_FN = """
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java21
                  Handler: x.Y
                  CodeUri: code.zip
                  Events:
            """;

    @TempDir
    Path folder;

    @Test
    void fixtureTemplateGivesEveryRouteItsFunctionAndTheGlobalsMergedIn() {
        Template template = Template.load(FixtureFunctions.resource("fixture/template.yaml"), Map.of(), "eu-west-1");

        FunctionSpec getRun = template.functions().get("GetRunFunction");
        assertThat(getRun.handler()).isEqualTo("dev.stride.functions.runs.GetRunHandler::handleRequest");
        assertThat(getRun.timeout()).isEqualTo(Duration.ofSeconds(29));
        assertThat(getRun.memorySize()).isEqualTo(1024);
        assertThat(getRun.codeUri()).isEqualTo(template.file().getParent()
                .resolve("../../../../functions/target/stride-functions.zip").normalize());
        assertThat(getRun.routes()).singleElement().satisfies(route -> {
            assertThat(route.routeKey()).isEqualTo("GET /runs/{runId}");
            assertThat(route.apiId()).isEqualTo("StrideApi");
            assertThat(route.authorizer()).isNull();
        });
        assertThat(getRun.environment()).containsEntry("DB_URL", "jdbc:postgresql://db.example.invalid:5432/stride")
                .containsEntry("STAGE", "test").containsEntry("LOG_LEVEL", "debug").containsEntry("DB_PASSWORD", "");
        assertThat(template.functions().get("MigrateFunction").routes()).isEmpty();
        assertThat(template.functions().get("MigrateFunction").timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(template.warnings()).anyMatch(w -> w.contains("DatabasePassword"));
        assertThat(getRun.environment()).doesNotContainKey("STRIDE_CURSOR_KEY_SECRET_ARN");
        assertThat(template.warnings()).anyMatch(w -> w.contains("STRIDE_CURSOR_KEY_SECRET_ARN (from CursorKeySecret)"));

        HttpApiSpec api = template.apis().get("StrideApi");
        assertThat(api.defaultAuthorizer()).isEqualTo("CognitoJwt");
        JwtAuthorizerSpec jwt = api.authorizers().get("CognitoJwt");
        assertThat(jwt.issuer()).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_local");
        assertThat(jwt.audiences()).containsExactly("stride-web");
        assertThat(api.cors().maxAge()).isEqualTo(600);
        assertThat(api.cors().allowOrigins()).containsExactly("http://localhost:5173", "https://*.stride.example");
    }

    @Test
    void parameterOverridesAndConditionsApply() {
        Template template = Template.load(FixtureFunctions.resource("fixture/template.yaml"),
                Map.of("Stage", "prod", "AppClientId", "other-client"), "us-east-1");

        assertThat(template.functions().get("GetRunFunction").environment())
                .containsEntry("STAGE", "prod").containsEntry("LOG_LEVEL", "warn");
        assertThat(template.apis().get("StrideApi").authorizers().get("CognitoJwt").audiences()).containsExactly("other-client");
    }

    @Test
    void intrinsicFunctionsResolveAndVariablesFromResourcesAreLeftOut() throws IOException {
        Path file = write("""
                Parameters:
                  Names: { Type: CommaDelimitedList, Default: "a, b,c" }
                Mappings:
                  Sizes: { small: { memory: 256 } }
                Conditions:
                  Never: !Not [!Equals [x, x]]
                  Always: !Or [!Condition Never, !Equals [!Select [1, !Ref Names], b]]
                Resources:
                  Table: { Type: AWS::DynamoDB::Table }
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: java21
                      Handler: x.Y::handleRequest
                      CodeUri: code/
                      MemorySize: !FindInMap [Sizes, small, memory]
                      Policies: [!GetAtt Unknown.Whatever]
                      Environment:
                        Variables:
                          JOINED: !Join [":", !Ref Names]
                          SUB: !Sub "${AWS::Region}/${!Literal}"
                          SUB_VARS: !Sub ["${x}-${AWS::AccountId}", { x: !Select [0, !Ref Names] }]
                          TABLE: !Sub "${Table}-name"
                          TABLE_ARN: !GetAtt Table.Arn
                          SPLIT: !Select [2, !Split ["-", "p-q-r"]]
                          CHOSEN: !If [Always, taken, not-taken]
                          GONE: !If [Never, here, !Ref AWS::NoValue]
                          NUMBER: 42
                """);

        Template template = Template.load(file, Map.of(), "eu-central-1");
        FunctionSpec fn = template.functions().get("Fn");

        assertThat(fn.memorySize()).isEqualTo(256);
        assertThat(fn.timeout()).as("Lambda's default").isEqualTo(Duration.ofSeconds(3));
        assertThat(fn.codeUri()).isEqualTo(folder.resolve("code"));
        assertThat(fn.environment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "JOINED", "a:b:c",
                "SUB", "eu-central-1/${Literal}",
                "SUB_VARS", "a-123456789012",
                "SPLIT", "r",
                "CHOSEN", "taken",
                "NUMBER", "42"));
        assertThat(template.warnings()).as("what only a deploy can give is left out, and said so")
                .anyMatch(w -> w.contains("TABLE (from Table)") && w.contains("TABLE_ARN (from Table)"));
    }

    @Test
    void eventsWithoutApiIdUseTheImplicitApiConfiguredByGlobals() throws IOException {
        Path file = write("""
                Globals:
                  HttpApi:
                    CorsConfiguration: true
                Resources:
                """ + FUNCTION_FN + """
                        Get: { Type: HttpApi, Properties: { Method: get, Path: /things } }
                        Default: { Type: HttpApi }
                  Py:
                    Type: AWS::Serverless::Function
                    Properties: { Runtime: python3.12, Handler: app.handler, CodeUri: py/ }
                """);

        Template template = Template.load(file, Map.of(), "us-east-1");

        assertThat(template.routes()).extracting(RouteSpec::routeKey).containsExactly("GET /things", "ANY $default");
        assertThat(template.apis().get(HttpApiSpec.IMPLICIT_API).cors().allowOrigins()).containsExactly("*");
        assertThat(template.functions()).containsOnlyKeys("Fn");
        assertThat(template.warnings()).anyMatch(w -> w.contains("Py") && w.contains("python3.12"));
    }

    @Test
    void unknownAuthorizerOrApiIsAnErrorNamingIt() throws IOException {
        Path file = write("Resources:\n" + FUNCTION_FN + """
                        Get: { Type: HttpApi, Properties: { ApiId: !Ref Missing, Method: GET, Path: /x } }
                """);

        assertThatThrownBy(() -> Template.load(file, Map.of(), "us-east-1"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Missing");
    }

    private Path write(String yaml) throws IOException {
        Path file = folder.resolve("template.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
