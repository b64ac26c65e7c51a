package dev.stride.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.stride.functions.support.OpenApiContract;
import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import dev.stride.testkit.TestDatabase;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * openapi.yaml is a valid OpenAPI 3.1 document, the project's own contract: it describes exactly the routes of
 * the handlers, and every answer the real handlers give (successes and errors) is one it
 * documents; its request schemas accept exactly what the handlers accept.
 */
class OpenApiTest {

    private static final String LOCAL_TOKEN = "POST /_local/token";
    private static final String PROBLEMS = "https://stride.dev/problems/";
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final TestApi alice = TestApi.as("alice-sub");
    /** The operations this test has called, each with the statuses it answered. */
    private final Map<String, Set<Integer>> answered = new TreeMap<>();

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    // --- the document --------------------------------------------------------------------

    @Test
    void document_isValidOpenApi31() throws IOException {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser()
                .readContents(Files.readString(OpenApiContract.location()), null, options);

        assertThat(result.getMessages()).as("swagger-parser's findings").isEmpty();
        assertThat(result.getOpenAPI().getSpecVersion()).isEqualTo(io.swagger.v3.oas.models.SpecVersion.V31);
        assertThat(OpenApiContract.document().path("openapi").asText()).startsWith("3.1.");
    }

    @Test
    void everySchema_isValidJsonSchema202012() {
        JsonSchema metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        // The check is real: a broken schema does not pass it.
        assertThat(metaSchema.validate("{\"type\": 7, \"minLength\": -1}", InputFormat.JSON)).isNotEmpty();

        Map<String, JsonNode> schemas = schemas(OpenApiContract.document(), "");
        assertThat(schemas).hasSizeGreaterThan(50);
        schemas.forEach((pointer, schema) ->
                assertThat(metaSchema.validate(schema)).as("the schema at %s", pointer).isEmpty());
    }

    @Test
    void everyExample_conformsToItsSchema() {
        List<Example> examples = new ArrayList<>();
        collectExamples(OpenApiContract.document(), "", examples);

        assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
        for (Example example : examples) {
            assertThat(OpenApiContract.schemaViolations(example.schemaPointer(), example.value()))
                    .as("the example %s of %s", example.value(), example.schemaPointer())
                    .isEmpty();
        }
    }

    @Test
    void routes_areExactlyTheHandlersRoutesPlusTheLocalToken() {
        var handlers = TestApi.handlers(TestDatabase.stride());
        Set<String> expected = new TreeSet<>(handlers.keySet());
        expected.add(LOCAL_TOKEN);

        assertThat(new TreeSet<>(OpenApiContract.routeKeys())).isEqualTo(expected);
        handlers.forEach((routeKey, handler) -> {
            String name = handler.getClass().getSimpleName().replaceFirst("Handler$", "");
            assertThat(operation(routeKey).path("operationId").asText()).as("operationId of %s", routeKey)
                    .isEqualTo(Character.toLowerCase(name.charAt(0)) + name.substring(1));
        });
    }

    @Test
    void everyOperation_documentsTheAnswersEveryRouteCanGive() {
        for (String routeKey : OpenApiContract.routeKeys()) {
            JsonNode operation = operation(routeKey);
            Set<String> statuses = new LinkedHashSet<>();
            operation.path("responses").fieldNames().forEachRemaining(statuses::add);
            String path = routeKey.split(" ", 2)[1];

            assertThat(statuses).as(routeKey).contains("400");
            if (routeKey.equals(LOCAL_TOKEN)) {
                assertThat(operation.has("security") && operation.get("security").isEmpty())
                        .as("%s declares that it needs no token", routeKey).isTrue();
                continue;
            }
            assertThat(operation.has("security")).as("%s uses the document's bearer security", routeKey).isFalse();
            assertThat(statuses).as(routeKey).contains("401", "500", "503");
            if (path.contains("{")) {
                assertThat(statuses).as(routeKey).contains("404");
            }
            if (operation.has("requestBody")) {
                assertThat(statuses).as(routeKey).contains("413", "415");
            }
        }
        assertThat(OpenApiContract.document().at("/security/0").has("bearerAuth")).isTrue();
    }

    // --- the handlers' answers -----------------------------------------------------------

    @Test
    void everyOperation_answersSuccessAsDocumented() {
        TestApi admin = TestApi.as("admin-sub", "admin");
        long aliceId = call(alice, "POST", "/users", """
                {"username": "Alice", "email": "alice@example.com"}""", 201).id();
        call(admin, "POST", "/users", """
                {"username": "Admin", "email": "admin@example.com"}""", 201);
        call(alice, "GET", "/users", null, 200);
        String nextUsers = call(admin, "GET", "/users?limit=1", null, 200).json().get("nextCursor").asText();
        call(admin, "GET", "/users?limit=1&cursor=" + nextUsers, null, 200);
        call(alice, "GET", "/users/me", null, 200);
        call(admin, "GET", "/users/" + aliceId, null, 200);
        call(alice, "PATCH", "/users/" + aliceId, """
                {"username": "Alice B."}""", 200);

        long runId = call(alice, "POST", "/users/me/runs", """
                {"distance": 5, "unit": "km", "date": "%s", "durationSeconds": 1801, "mood": "Happy",
                 "title": "Evening loop", "notes": "Windy", "tags": ["Park", "evening", "park"]}"""
                .formatted(TODAY.minusDays(3)), 201).id();
        call(alice, "POST", "/users/" + aliceId + "/runs", """
                {"distance": 3.1, "unit": "mi", "date": "%s"}""".formatted(TODAY.minusDays(10)), 201);
        call(alice, "POST", "/users/me/runs", """
                {"distance": 0.333333}""", 201);
        String nextRuns = call(alice, "GET", "/users/me/runs?limit=2", null, 200).json().get("nextCursor").asText();
        call(alice, "GET", "/users/me/runs?limit=2&cursor=" + nextRuns, null, 200);
        call(alice, "GET", "/users/me/runs?tag=PARK&from=%s&to=%s".formatted(TODAY.minusDays(5), TODAY), null, 200);
        call(alice, "GET", "/runs/" + runId, null, 200);
        call(alice, "PATCH", "/runs/" + runId, """
                {"unit": "mi", "notes": null, "tags": null, "durationSeconds": 2000}""", 200);

        long moodId = call(alice, "POST", "/users/me/moods", """
                {"description": "Happy", "date": "%s", "positivity": 5, "stress": 1, "energy": 4,
                 "calmness": 3, "motivation": 2, "note": "Sunny"}""".formatted(TODAY.minusDays(1)), 201).id();
        call(alice, "POST", "/users/" + aliceId + "/moods", """
                {"description": "Tired", "date": "%s"}""".formatted(TODAY.minusDays(2)), 201);
        call(alice, "GET", "/users/me/moods?limit=1&from=%s".formatted(TODAY.minusDays(30)), null, 200);
        call(alice, "GET", "/users/me/moods/latest", null, 200);
        call(alice, "GET", "/moods/" + moodId, null, 200);
        call(alice, "PATCH", "/moods/" + moodId, """
                {"stress": null, "note": "Slept well."}""", 200);

        JsonNode dashboard = call(alice, "GET", "/users/me/dashboard", null, 200).json();
        assertThat(dashboard.get("totalRuns").asLong()).isEqualTo(3);
        JsonNode empty = call(alice, "GET", "/users/me/dashboard?from=1990-01-01&to=1990-12-31", null, 200).json();
        assertThat(empty.get("averageDistanceKm").isNull()).isTrue();

        call(alice, "DELETE", "/runs/" + runId, null, 204);
        call(alice, "DELETE", "/moods/" + moodId, null, 204);
        call(admin, "DELETE", "/users/" + aliceId, null, 204);

        assertThat(answered.keySet()).containsExactlyInAnyOrderElementsOf(TestApi.handlers(TestDatabase.stride()).keySet());
    }

    @Test
    void errors_answerAsDocumented() {
        TestApi bob = TestApi.as("bob-sub");
        long aliceId = call(alice, "POST", "/users", """
                {"username": "Alice", "email": "alice@example.com"}""", 201).id();
        long runId = call(alice, "POST", "/users/me/runs", """
                {"distance": 5}""", 201).id();

        // 400: every bad field at once.
        JsonNode invalid = call(alice, "POST", "/users/me/runs", """
                {"distance": 0, "unit": "miles", "tags": ["", "park"]}""", 400).json();
        assertThat(invalid.get("type").asText()).isEqualTo(PROBLEMS + "validation-error");
        assertThat(invalid.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("distance", "unit", "tags[0]");
        // 400: a body that is not one JSON object.
        assertThat(call(alice, "POST", "/users/me/runs", "{\"distance\": ", 400).json().get("type").asText())
                .isEqualTo(PROBLEMS + "bad-request");
        assertThat(call(bob, "POST", "/users", "[]", 400).json().get("type").asText())
                .isEqualTo(PROBLEMS + "bad-request");
        // 400: path and query parameters.
        call(alice, "GET", "/runs/abc", null, 400);
        call(alice, "DELETE", "/moods/99999999999999999999", null, 400);
        call(alice, "GET", "/users/0/dashboard", null, 400);
        call(alice, "GET", "/users/me/runs?limit=0&from=2026-13-01", null, 400);
        call(alice, "GET", "/users/me/moods?from=2026-02-01&to=2026-01-01", null, 400);
        call(alice, "GET", "/users/me/runs?cursor=not-a-cursor", null, 400);

        // 404: absent, somebody else's, none yet.
        call(alice, "GET", "/runs/" + (runId + 1000), null, 404);
        call(bob, "GET", "/runs/" + runId, null, 404);
        call(bob, "PATCH", "/users/" + aliceId, "{\"username\": \"Mallory\"}", 404);
        call(bob, "GET", "/users/me", null, 404);
        call(alice, "GET", "/users/me/moods/latest", null, 404);

        // 409: a second profile, an email taken (case-insensitively).
        call(alice, "POST", "/users", """
                {"username": "Alice again", "email": "alice2@example.com"}""", 409);
        call(bob, "POST", "/users", """
                {"username": "Bob", "email": "ALICE@example.com"}""", 409);
        call(bob, "POST", "/users", """
                {"username": "Bob", "email": "bob@example.com"}""", 201);
        call(bob, "PATCH", "/users/me", """
                {"email": "Alice@Example.com"}""", 409);

        // 413: more than 64 KiB.
        call(alice, "POST", "/users/me/runs", """
                {"distance": 5, "notes": "%s"}""".formatted("x".repeat(70_000)), 413);
        // 415: not JSON.
        TestResponse plain = alice.send("PATCH", alice.eventFor("PATCH", "/runs/" + runId)
                .body("{\"distance\": 6}").header("Content-Type", "text/plain"));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(415);
        OpenApiContract.assertConforms(plain, "/runs/" + runId);
        // 401: a handler reached without verified claims.
        call(TestApi.as(null), "GET", "/users", null, 401);

        Set<Integer> statuses = new TreeSet<>();
        answered.values().forEach(statuses::addAll);
        assertThat(statuses).contains(400, 401, 404, 409, 413);
    }

    @ParameterizedTest(name = "{0} {1} is valid: {2}")
    @MethodSource("requestBodies")
    void requestSchemas_acceptExactlyWhatTheHandlersAccept(String routeKey, String body, boolean valid) {
        call(alice, "POST", "/users", """
                {"username": "Alice", "email": "alice@example.com"}""", 201);
        long runId = call(alice, "POST", "/users/me/runs", """
                {"distance": 5, "date": "%s"}""".formatted(TODAY.minusDays(1)), 201).id();
        long moodId = call(alice, "POST", "/users/me/moods", """
                {"description": "Calm", "date": "%s"}""".formatted(TODAY.minusDays(1)), 201).id();
        String path = switch (routeKey) {
            case "POST /users" -> "/users";
            case "PATCH /users/{id}" -> "/users/me";
            case "POST /users/{id}/runs" -> "/users/me/runs";
            case "PATCH /runs/{runId}" -> "/runs/" + runId;
            case "POST /users/{id}/moods" -> "/users/me/moods";
            case "PATCH /moods/{moodId}" -> "/moods/" + moodId;
            default -> throw new IllegalArgumentException(routeKey);
        };
        // A profile is created by a caller who has none yet.
        TestApi caller = routeKey.equals("POST /users") ? TestApi.as("newcomer-sub") : alice;
        String method = routeKey.split(" ", 2)[0];

        List<String> violations = OpenApiContract.requestBodyViolations(routeKey, body);
        TestResponse response = caller.call(method, path, body);
        OpenApiContract.assertConforms(response, path);

        assertThat(violations.isEmpty()).as("openapi.yaml on %s: %s", body, violations).isEqualTo(valid);
        assertThat(response.status()).as(response.toString()).isEqualTo(valid ? (method.equals("POST") ? 201 : 200) : 400);
    }

    static Stream<Arguments> requestBodies() {
        String yesterday = TODAY.minusDays(1).toString();
        String emoji = "\uD83C\uDFC3";
        List<Arguments> cases = new ArrayList<>();
        // Users: both fields required, text lengths in code points, a dot in the email's domain.
        String user = "POST /users";
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": \"new@example.com\"}", true));
        cases.add(Arguments.of(user, "{\"username\": \"" + emoji.repeat(80) + "\", \"email\": \"new@example.com\"}", true));
        cases.add(Arguments.of(user, "{\"username\": \"" + emoji.repeat(81) + "\", \"email\": \"new@example.com\"}", false));
        cases.add(Arguments.of(user, "{\"username\": \"\", \"email\": \"new@example.com\"}", false));
        cases.add(Arguments.of(user, "{\"username\": \"   \", \"email\": \"new@example.com\"}", false));
        cases.add(Arguments.of(user, "{\"username\": 5, \"email\": \"new@example.com\"}", false));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\"}", false));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": null}", false));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": \"new@localhost\"}", false));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": \"j\u00fcrgen@m\u00fcller.example\"}", true));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": \"new(comer)@example.com\"}", false));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": \"new..comer@example.com\"}", false));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": \"new@-example.com\"}", false));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": \"" + "n".repeat(65) + "@example.com\"}", false));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": \"" + "n".repeat(64) + "@example.com\"}", true));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": \"New.Comer+runs@Example.COM\"}", true));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": \"new.example.com\"}", false));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": \"n@" + "e".repeat(115) + ".com\"}", false));
        cases.add(Arguments.of(user, "{\"username\": \"Newcomer\", \"email\": \"new@example.com\", \"admin\": true}", false));
        String userPatch = "PATCH /users/{id}";
        cases.add(Arguments.of(userPatch, "{}", true));
        cases.add(Arguments.of(userPatch, "{\"email\": \"alice@example.org\"}", true));
        cases.add(Arguments.of(userPatch, "{\"username\": null}", false));
        cases.add(Arguments.of(userPatch, "{\"id\": 5}", false));

        // Runs: distance required, (0, 1000]; unit and date default on create, cannot be cleared.
        String run = "POST /users/{id}/runs";
        cases.add(Arguments.of(run, "{\"distance\": 5}", true));
        cases.add(Arguments.of(run, "{\"distance\": 1000, \"unit\": \"mi\", \"date\": \"1900-01-01\"}", true));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"unit\": null, \"date\": null, \"durationSeconds\": null,"
                + " \"mood\": null, \"title\": null, \"notes\": null, \"tags\": null}", true));
        cases.add(Arguments.of(run, "{\"distance\": 0}", false));
        cases.add(Arguments.of(run, "{\"distance\": -1}", false));
        cases.add(Arguments.of(run, "{\"distance\": 1000.001}", false));
        cases.add(Arguments.of(run, "{\"distance\": \"5\"}", false));
        cases.add(Arguments.of(run, "{\"distance\": null}", false));
        cases.add(Arguments.of(run, "{\"unit\": \"km\"}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"unit\": \"MI\"}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"date\": \"1899-12-31\"}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"date\": \"2026-02-30\"}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"date\": \"20260101\"}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"durationSeconds\": 1}", true));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"durationSeconds\": 604800}", true));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"durationSeconds\": 1800.0}", true));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"durationSeconds\": 0}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"durationSeconds\": 604801}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"durationSeconds\": 1800.5}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"mood\": \"\", \"title\": \"" + "t".repeat(100)
                + "\", \"notes\": \"" + "n".repeat(2000) + "\"}", true));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"mood\": \"" + "m".repeat(51) + "\"}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"title\": \"" + "t".repeat(101) + "\"}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"notes\": \"" + "n".repeat(2001) + "\"}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"tags\": [\"Park\", \"park\", \"" + "t".repeat(30) + "\"]}", true));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"tags\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\"]}", true));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"tags\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\"]}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"tags\": [\"\"]}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"tags\": [\" \"]}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"tags\": [\"" + "t".repeat(31) + "\"]}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"tags\": [null]}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"tags\": \"park\"}", false));
        cases.add(Arguments.of(run, "{\"distance\": 5, \"pace\": 300}", false));
        String runPatch = "PATCH /runs/{runId}";
        cases.add(Arguments.of(runPatch, "{}", true));
        cases.add(Arguments.of(runPatch, "{\"unit\": \"mi\", \"date\": \"" + yesterday + "\"}", true));
        cases.add(Arguments.of(runPatch, "{\"durationSeconds\": null, \"mood\": null, \"title\": null, \"notes\": null, \"tags\": null}", true));
        cases.add(Arguments.of(runPatch, "{\"distance\": null}", false));
        cases.add(Arguments.of(runPatch, "{\"unit\": null}", false));
        cases.add(Arguments.of(runPatch, "{\"date\": null}", false));
        cases.add(Arguments.of(runPatch, "{\"distance\": 0}", false));
        cases.add(Arguments.of(runPatch, "{\"userId\": 2}", false));

        // Moods: description and date required; levels 1–5.
        String mood = "POST /users/{id}/moods";
        cases.add(Arguments.of(mood, "{\"description\": \"Happy\", \"date\": \"" + yesterday + "\"}", true));
        cases.add(Arguments.of(mood, "{\"description\": \"Happy\", \"date\": \"" + yesterday + "\", \"positivity\": 1,"
                + " \"stress\": 5, \"energy\": null, \"calmness\": 3, \"motivation\": 4, \"note\": null}", true));
        cases.add(Arguments.of(mood, "{\"description\": \"" + "d".repeat(100) + "\", \"date\": \"" + yesterday + "\"}", true));
        cases.add(Arguments.of(mood, "{\"description\": \"" + "d".repeat(101) + "\", \"date\": \"" + yesterday + "\"}", false));
        cases.add(Arguments.of(mood, "{\"description\": \"\", \"date\": \"" + yesterday + "\"}", false));
        cases.add(Arguments.of(mood, "{\"description\": \"Happy\"}", false));
        cases.add(Arguments.of(mood, "{\"description\": \"Happy\", \"date\": null}", false));
        cases.add(Arguments.of(mood, "{\"date\": \"" + yesterday + "\"}", false));
        cases.add(Arguments.of(mood, "{\"description\": \"Happy\", \"date\": \"" + yesterday + "\", \"stress\": 0}", false));
        cases.add(Arguments.of(mood, "{\"description\": \"Happy\", \"date\": \"" + yesterday + "\", \"energy\": 6}", false));
        cases.add(Arguments.of(mood, "{\"description\": \"Happy\", \"date\": \"" + yesterday + "\", \"calmness\": \"3\"}", false));
        cases.add(Arguments.of(mood, "{\"description\": \"Happy\", \"date\": \"" + yesterday + "\", \"note\": \""
                + "n".repeat(2001) + "\"}", false));
        String moodPatch = "PATCH /moods/{moodId}";
        cases.add(Arguments.of(moodPatch, "{}", true));
        cases.add(Arguments.of(moodPatch, "{\"stress\": null, \"motivation\": 5, \"note\": \"ok\"}", true));
        cases.add(Arguments.of(moodPatch, "{\"description\": null}", false));
        cases.add(Arguments.of(moodPatch, "{\"date\": null}", false));
        cases.add(Arguments.of(moodPatch, "{\"mood\": \"Happy\"}", false));
        return cases.stream();
    }

    // --- the checker itself --------------------------------------------------------------

    @Test
    void contract_acceptsAConformingResponse() {
        TestResponse user = response("POST", "POST /users", 201, USER, Map.of("Location", "/users/1"));

        assertThat(OpenApiContract.violations(user, "/users")).isEmpty();
    }

    @Test
    void contract_rejectsResponsesThatBreakTheSpec() {
        String getUser = "GET /users/{id}";
        expectViolation(response("GET", "GET /nowhere", 200, USER, Map.of()), "/nowhere",
                "openapi.yaml has no operation GET /nowhere");
        expectViolation(response("GET", getUser, 418, USER, Map.of()), "/users/1",
                "status 418 is not documented");
        expectViolation(response("GET", getUser, 200, USER, Map.of("Content-Type", "text/plain")), "/users/1",
                "Content-Type text/plain is not documented");
        expectViolation(response("GET", getUser, 200, "{\"id\": 1", Map.of()), "/users/1",
                "the body is not JSON");
        expectViolation(response("GET", getUser, 200, USER.replace("\"id\":1,", ""), Map.of()), "/users/1",
                "required property 'id' not found");
        expectViolation(response("GET", getUser, 200, USER.replace("\"id\":1", "\"id\":\"1\""), Map.of()), "/users/1",
                "/id: string found, integer expected");
        expectViolation(response("GET", getUser, 200, USER.replace("}", ",\"role\":\"admin\"}"), Map.of()), "/users/1",
                "property 'role' is not defined in the schema");
        expectViolation(response("GET", getUser, 200, USER.replace("19:07:28Z", "19:07:28.123Z"), Map.of()), "/users/1",
                "/createdAt: does not match the regex pattern");
        expectViolation(response("GET", getUser, 200, USER, Map.of()), "/runs/1",
                "the path /runs/1 is not a path of GET /users/{id}");
        expectViolation(response("POST", "POST /users", 201, USER, Map.of()), "/users",
                "the header Location is missing");
        expectViolation(response("POST", "POST /users", 201, USER, Map.of("Location", "/runs/1")), "/users",
                "header Location: does not match the regex pattern");
        expectViolation(response("DELETE", "DELETE /runs/{runId}", 204, "{}", Map.of()), "/runs/1",
                "the response is documented without a body, but has one");
        String conflict = """
                {"type":"https://stride.dev/problems/conflict","title":"Conflict","status":409,
                 "detail":"the email is already taken","instance":"/runs/1"}""";
        expectViolation(response("GET", "GET /runs/{runId}", 404, conflict, Map.of("Content-Type", "application/problem+json")),
                "/runs/1", "/type: must be the constant value 'https://stride.dev/problems/not-found'");
        expectViolation(response("POST", "POST /users", 409, conflict, Map.of("Content-Type", "application/problem+json")),
                "/users", "the problem's instance is \"/runs/1\", not the request path /users");
        // Each kind of problem is closed: no field beyond the shared ones, and errors only in a validation-error.
        String notFound = """
                {"type":"https://stride.dev/problems/not-found","title":"Not Found","status":404,
                 "detail":"no run 1","instance":"/runs/1\"""";
        expectViolation(response("GET", "GET /runs/{runId}", 404, notFound + ",\"trace\":\"at Dao.find\"}",
                Map.of("Content-Type", "application/problem+json")), "/runs/1", "property 'trace' is not defined in the schema");
        expectViolation(response("GET", "GET /runs/{runId}", 404, notFound + ",\"errors\":[{\"field\":\"runId\",\"message\":\"x\"}]}",
                Map.of("Content-Type", "application/problem+json")), "/runs/1", "/errors: schema for 'errors' is false");
        call(alice, "POST", "/users", """
                {"username": "Alice", "email": "alice@example.com"}""", 201);
        String run = call(alice, "POST", "/users/me/runs", "{\"distance\": 5}", 201).body();
        expectViolation(response("GET", "GET /runs/{runId}", 200, run.replace("\"distanceKm\":5.0", "\"distanceKm\":5.0001"),
                Map.of()), "/runs/1", "/distanceKm: must be multiple of 0.001");

        TestResponse teapot = response("GET", getUser, 418, USER, Map.of());
        assertThatThrownBy(() -> OpenApiContract.assertConforms(teapot, "/users/1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /users/{id} answered 418, which openapi.yaml does not document")
                .hasMessageContaining("body: " + USER);
    }

    private static final String USER = """
            {"id":1,"username":"Alice","email":"alice@example.com","createdAt":"2026-11-25T19:07:28Z",\
            "updatedAt":"2026-11-25T19:07:28Z"}""";

    private static TestResponse response(String method, String routeKey, int status, String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        all.putAll(headers);
        return new TestResponse(method, routeKey, APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status).withHeaders(all).withBody(body).build());
    }

    private static void expectViolation(TestResponse response, String rawPath, String violation) {
        assertThat(OpenApiContract.violations(response, rawPath)).as(response.toString())
                .anySatisfy(found -> assertThat(found).contains(violation));
        assertThatThrownBy(() -> OpenApiContract.assertConforms(response, rawPath)).isInstanceOf(AssertionError.class);
    }

    // --- helpers -------------------------------------------------------------------------

    /** Calls the real handler, expects {@code status}, and checks the answer against openapi.yaml. */
    private TestResponse call(TestApi api, String method, String path, String body, int status) {
        TestResponse response = api.call(method, path, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        OpenApiContract.assertConforms(response, path);
        answered.computeIfAbsent(response.routeKey(), key -> new TreeSet<>()).add(status);
        return response;
    }

    private static JsonNode operation(String routeKey) {
        String[] parts = routeKey.split(" ", 2);
        return OpenApiContract.document().path("paths").path(parts[1]).path(parts[0].toLowerCase());
    }

    /** Every Schema Object of the document, by JSON pointer; a schema's own subschemas are not listed apart. */
    private static Map<String, JsonNode> schemas(JsonNode node, String pointer) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        if (pointer.equals("/components/schemas")) {
            node.fields().forEachRemaining(schema -> found.put(pointer + "/" + schema.getKey(), schema.getValue()));
            return found;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String child = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
            if (field.getKey().equals("schema") && field.getValue().isObject()) {
                found.put(child, field.getValue());
            } else {
                found.putAll(schemas(field.getValue(), child));
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            found.putAll(schemas(node.get(i), pointer + "/" + i));
        }
        return found;
    }

    /** An example of the document and the pointer of the schema it illustrates. */
    private record Example(String schemaPointer, JsonNode value) {
    }

    /** The {@code example} and {@code examples} of every media type, parameter and header. */
    private static void collectExamples(JsonNode node, String pointer, List<Example> examples) {
        if (node.isObject() && node.has("schema")) {
            String schema = pointer + "/schema";
            if (node.has("example")) {
                examples.add(new Example(schema, node.get("example")));
            }
            node.path("examples").forEach(example -> examples.add(new Example(schema, example.get("value"))));
        }
        if (node.isContainerNode() && !pointer.startsWith("/components/schemas")) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collectExamples(field.getValue(), pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), examples);
            }
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                collectExamples(node.get(i), pointer + "/" + i, examples);
            }
        }
    }
}
