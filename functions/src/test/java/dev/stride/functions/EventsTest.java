package dev.stride.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.api.Claims;
import dev.stride.domain.Caller;
import dev.stride.domain.UserRef;
import dev.stride.functions.migrations.MigrateHandler;
import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import dev.stride.instance.LambdaContext;
import dev.stride.instance.Services;
import dev.stride.json.Json;
import dev.stride.moods.MoodInput;
import dev.stride.runs.RunInput;
import dev.stride.testkit.SamTemplate;
import dev.stride.testkit.SamTemplate.Function;
import dev.stride.testkit.TestDatabase;
import dev.stride.users.UserInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every sample in events/ (the files {@code sam local invoke -e} takes) through the handler
 * that template.yaml routes it to, against the real test database, so the samples cannot rot.
 * Each scenario seeds what its event refers to (user 1 owned by the event's caller, run 1, mood 1).
 */
class EventsTest {

    /** What an event needs in the database, and what its response must hold. */
    private record Scenario(Seed seed, int status, BiConsumer<TestResponse, APIGatewayV2HTTPEvent> expect) {
    }

    private interface Seed {
        void into(Services stride, Caller caller);
    }

    private static final LocalDate NOV_18 = LocalDate.of(2025, 11, 18);
    private static final LocalDate NOV_19 = LocalDate.of(2025, 11, 19);
    private static final LocalDate OCT_30 = LocalDate.of(2025, 10, 30);

    private static final Map<String, Scenario> SCENARIOS = Map.ofEntries(
            Map.entry("create-user.json", new Scenario(EventsTest::nothing, 201, (response, event) -> {
                JsonNode sent = body(event);
                assertThat(response.header("Location")).isEqualTo("/users/1");
                assertThat(response.json().get("username").asText()).isEqualTo(sent.get("username").asText());
                assertThat(response.json().get("email").asText()).isEqualTo(sent.get("email").asText());
                assertThat(TestDatabase.count("SELECT count(*) FROM users")).isEqualTo(1);
            })),
            Map.entry("list-users.json", new Scenario(EventsTest::aliceAndBob, 200, (response, event) -> {
                // The caller is an admin: every profile, newest first.
                assertThat(response.json().get("items").findValuesAsText("username")).containsExactly("Bob", "Alice");
                assertThat(response.json().get("nextCursor").isNull()).isTrue();
            })),
            Map.entry("get-user.json", new Scenario(EventsTest::alice, 200, (response, event) -> {
                assertThat(response.id()).isEqualTo(1);
                assertThat(response.json().get("username").asText()).isEqualTo("Alice");
            })),
            Map.entry("update-user.json", new Scenario(EventsTest::alice, 200, (response, event) -> {
                assertThat(response.json().get("username").asText()).isEqualTo(body(event).get("username").asText());
                assertThat(response.json().get("email").asText()).isEqualTo("alice@example.com");
            })),
            Map.entry("delete-user.json", new Scenario(EventsTest::aliceWithRunAndMood, 204, (response, event) -> {
                assertThat(response.body()).isNullOrEmpty();
                assertThat(TestDatabase.count("SELECT count(*) FROM users")).isZero();
                assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isZero();
                assertThat(TestDatabase.count("SELECT count(*) FROM moods")).isZero();
            })),
            Map.entry("create-run.json", new Scenario(EventsTest::alice, 201, (response, event) -> {
                JsonNode sent = body(event);
                JsonNode run = response.json();
                assertThat(response.header("Location")).isEqualTo("/runs/1");
                assertThat(run.get("userId").asLong()).isEqualTo(1);
                assertThat(run.get("distanceKm").asDouble()).isEqualTo(sent.get("distance").asDouble());
                assertThat(run.get("date").asText()).isEqualTo(sent.get("date").asText());
                assertThat(run.get("paceSecondsPerKm").asDouble()).isEqualTo(
                        Math.round(sent.get("durationSeconds").asDouble() / sent.get("distance").asDouble() * 10) / 10.0);
                assertThat(run.get("tags").toString()).isEqualTo("[\"park\",\"tempo\"]");
            })),
            Map.entry("list-runs.json", new Scenario(EventsTest::aliceWithRunsInAndBeforeNovember, 200, (response, event) -> {
                // The event asks for November: the October run is filtered out.
                assertThat(response.json().get("items").findValuesAsText("title")).containsExactly("Tempo", "Easy");
                assertThat(response.json().get("items").findValuesAsText("date")).containsExactly("2025-11-19", "2025-11-18");
            })),
            Map.entry("get-run.json", new Scenario(EventsTest::aliceWithRunAndMood, 200, (response, event) -> {
                assertThat(response.id()).isEqualTo(1);
                assertThat(response.json().get("title").asText()).isEqualTo("Easy");
                assertThat(response.json().get("distanceKm").asDouble()).isEqualTo(8.0);
            })),
            Map.entry("update-run.json", new Scenario(EventsTest::aliceWithRunAndMood, 200, (response, event) -> {
                JsonNode sent = body(event);
                assertThat(response.json().get("durationSeconds").asInt()).isEqualTo(sent.get("durationSeconds").asInt());
                assertThat(response.json().get("notes").asText()).isEqualTo(sent.get("notes").asText());
                assertThat(response.json().get("distanceKm").asDouble()).isEqualTo(8.0);
            })),
            Map.entry("delete-run.json", new Scenario(EventsTest::aliceWithRunAndMood, 204, (response, event) -> {
                assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isZero();
                assertThat(TestDatabase.count("SELECT count(*) FROM users")).isEqualTo(1);
            })),
            Map.entry("create-mood.json", new Scenario(EventsTest::alice, 201, (response, event) -> {
                JsonNode sent = body(event);
                assertThat(response.header("Location")).isEqualTo("/moods/1");
                assertThat(response.json().get("description").asText()).isEqualTo(sent.get("description").asText());
                assertThat(response.json().get("positivity").asInt()).isEqualTo(sent.get("positivity").asInt());
                assertThat(response.json().get("userId").asLong()).isEqualTo(1);
            })),
            Map.entry("list-moods.json", new Scenario(EventsTest::aliceWithMoodsInAndBeforeNovember, 200, (response, event) -> {
                assertThat(response.json().get("items").findValuesAsText("description")).containsExactly("Happy", "Tired");
            })),
            Map.entry("get-latest-mood.json", new Scenario(EventsTest::aliceWithMoodsInAndBeforeNovember, 200, (response, e) -> {
                assertThat(response.json().get("description").asText()).isEqualTo("Happy");
                assertThat(response.json().get("date").asText()).isEqualTo("2025-11-19");
            })),
            Map.entry("get-mood.json", new Scenario(EventsTest::aliceWithRunAndMood, 200, (response, event) -> {
                assertThat(response.id()).isEqualTo(1);
                assertThat(response.json().get("description").asText()).isEqualTo("Calm");
            })),
            Map.entry("update-mood.json", new Scenario(EventsTest::aliceWithRunAndMood, 200, (response, event) -> {
                assertThat(response.json().get("stress").asInt()).isEqualTo(body(event).get("stress").asInt());
                // The event sends "note": null, which clears it.
                assertThat(response.json().get("note").isNull()).isTrue();
                assertThat(response.json().get("description").asText()).isEqualTo("Calm");
            })),
            Map.entry("delete-mood.json", new Scenario(EventsTest::aliceWithRunAndMood, 204, (response, event) -> {
                assertThat(TestDatabase.count("SELECT count(*) FROM moods")).isZero();
            })),
            Map.entry("get-dashboard.json", new Scenario(EventsTest::aliceWithRunsInAndBeforeNovember, 200, (response, event) -> {
                JsonNode dashboard = response.json();
                assertThat(dashboard.get("user").asText()).isEqualTo("Alice");
                assertThat(dashboard.get("totalRuns").asLong()).isEqualTo(2);
                assertThat(dashboard.get("totalDistanceKm").asDouble()).isEqualTo(13.0);
                assertThat(dashboard.get("longestRunKm").asDouble()).isEqualTo(8.0);
                assertThat(dashboard.get("latestMood").asText()).isEqualTo("Calm");
                assertThat(dashboard.get("runsByWeek").findValuesAsText("weekStart")).containsExactly("2025-11-17");
            })));

    private static Map<String, Function> functionsByEventFile;

    @BeforeAll
    static void readTemplate() {
        functionsByEventFile = SamTemplate.functions(SamTemplate.load()).stream()
                .collect(Collectors.toMap(Function::eventFileName, f -> f));
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
    }

    static Stream<String> apiEventFiles() throws IOException {
        try (Stream<Path> files = Files.list(SamTemplate.eventsDir())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.equals("migrate.json"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void scenarios_whenComparedWithEventsDir_thenEveryApiEventHasOne() throws IOException {
        assertThat(new TreeSet<>(apiEventFiles().toList())).isEqualTo(new TreeSet<>(SCENARIOS.keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiEventFiles")
    void handleRequest_whenSampleEventReplayed_thenAnswersAsTheApiPromises(String file) throws Exception {
        Path path = SamTemplate.eventsDir().resolve(file);
        APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(path.toString());
        Function function = functionFor(file, event);
        Scenario scenario = SCENARIOS.get(file);
        Caller caller = Claims.caller(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        scenario.seed().into(TestDatabase.stride(), caller);

        APIGatewayV2HTTPResponse raw = handler(function).handleRequest(event, new LambdaContext());
        TestResponse response = new TestResponse(event.getRequestContext().getHttp().getMethod(), event.getRouteKey(), raw);

        assertThat(response.status()).as(response.toString()).isEqualTo(scenario.status());
        scenario.expect().accept(response, event);
    }

    @Test
    void migrateHandler_whenSampleEventReplayedOnMigratedDatabase_thenAppliesNothing() {
        Function function = functionsByEventFile.get("migrate.json");
        assertThat(function.handlerClass()).isEqualTo(MigrateHandler.class.getName());
        @SuppressWarnings("unchecked")
        Map<String, Object> input = EventLoader.loadEvent(SamTemplate.eventsDir().resolve("migrate.json").toString(), Map.class);

        Map<String, Object> result = new MigrateHandler(TestDatabase.settings()).handleRequest(input, new LambdaContext());

        assertThat(input).isEmpty();
        assertThat(result).containsEntry("migrationsApplied", 0);
        assertThat(result.get("schemaVersion")).isNotNull();
    }

    /** No handler is left out of the template, and no two routes share one: what TestApi and a deploy route is all of them. */
    @Test
    void handlers_whenComparedWithTemplate_thenEveryHandlerClassIsOneFunctionAndEveryRouteHasItsOwn() throws IOException {
        Path classes = Path.of(MigrateHandler.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Set<String> handlerClasses;
        try (Stream<Path> files = Files.walk(classes)) {
            handlerClasses = files.map(file -> classes.relativize(file).toString())
                    .filter(name -> name.endsWith("Handler.class"))
                    .map(name -> name.replace(".class", "").replace('/', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        List<Function> functions = SamTemplate.functions(SamTemplate.load());
        Map<String, String> routes = new TreeMap<>();
        TestApi.handlers(TestDatabase.stride()).forEach((route, handler) -> routes.put(route, handler.getClass().getName()));

        assertThat(functions).extracting(Function::handlerClass).containsExactlyInAnyOrderElementsOf(handlerClasses);
        assertThat(new TreeSet<>(routes.values())).hasSize(routes.size());
    }

    private static Function functionFor(String file, APIGatewayV2HTTPEvent event) {
        Function function = functionsByEventFile.get(file);
        assertThat(function).as("the function for " + file).isNotNull();
        assertThat(function.routeKey()).as(file).contains(event.getRouteKey());
        return function;
    }

    /** The template's handler class, built like a warm Lambda instance but over the test database. */
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(Function function) {
        return TestApi.handler(function.handlerClass(), TestDatabase.stride());
    }

    private static JsonNode body(APIGatewayV2HTTPEvent event) {
        try {
            return Json.read(event.getBody());
        } catch (IOException e) {
            throw new AssertionError("the event body is not JSON", e);
        }
    }

    // --- Seeds: what each event refers to, created through the real services ---

    private static void nothing(Services stride, Caller caller) {
    }

    private static void alice(Services stride, Caller caller) {
        stride.users().create(owner(caller), new UserInput("Alice", "alice@example.com"));
    }

    private static void aliceAndBob(Services stride, Caller caller) {
        alice(stride, caller);
        stride.users().create(new Caller("bob-sub", false), new UserInput("Bob", "bob@example.com"));
    }

    private static void aliceWithRunAndMood(Services stride, Caller caller) {
        alice(stride, caller);
        stride.runs().create(owner(caller), new UserRef.Me(), run(8.0, NOV_18, 2880, "Easy"));
        stride.moods().create(owner(caller), new UserRef.Me(), mood("Calm", NOV_18));
    }

    private static void aliceWithRunsInAndBeforeNovember(Services stride, Caller caller) {
        alice(stride, caller);
        stride.runs().create(owner(caller), new UserRef.Me(), run(8.0, NOV_18, 2880, "Easy"));
        stride.runs().create(owner(caller), new UserRef.Me(), run(5.0, NOV_19, 1500, "Tempo"));
        stride.runs().create(owner(caller), new UserRef.Me(), run(21.1, OCT_30, 7600, "Half"));
        stride.moods().create(owner(caller), new UserRef.Me(), mood("Calm", NOV_18));
    }

    private static void aliceWithMoodsInAndBeforeNovember(Services stride, Caller caller) {
        alice(stride, caller);
        stride.moods().create(owner(caller), new UserRef.Me(), mood("Tired", NOV_18));
        stride.moods().create(owner(caller), new UserRef.Me(), mood("Happy", NOV_19));
        stride.moods().create(owner(caller), new UserRef.Me(), mood("Grumpy", OCT_30));
    }

    /** The event's caller as an ordinary user: an admin event still needs its own profile. */
    private static Caller owner(Caller caller) {
        return new Caller(caller.sub(), false);
    }

    private static RunInput run(double km, LocalDate date, int seconds, String title) {
        return new RunInput(km, "km", date, seconds, null, title, null, List.of());
    }

    private static MoodInput mood(String description, LocalDate date) {
        return new MoodInput(description, date, 4, 2, 3, 4, 3, "seeded");
    }
}
