package dev.stride.functions.snapstart;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stride.Env;
import dev.stride.api.HttpApiEvent;
import dev.stride.functions.dashboard.GetDashboardHandler;
import dev.stride.functions.moods.CreateMoodHandler;
import dev.stride.functions.moods.DeleteMoodHandler;
import dev.stride.functions.moods.GetLatestMoodHandler;
import dev.stride.functions.moods.GetMoodHandler;
import dev.stride.functions.moods.ListMoodsHandler;
import dev.stride.functions.moods.UpdateMoodHandler;
import dev.stride.functions.runs.CreateRunHandler;
import dev.stride.functions.runs.DeleteRunHandler;
import dev.stride.functions.runs.GetRunHandler;
import dev.stride.functions.runs.ListRunsHandler;
import dev.stride.functions.runs.UpdateRunHandler;
import dev.stride.functions.users.CreateUserHandler;
import dev.stride.functions.users.DeleteUserHandler;
import dev.stride.functions.users.GetUserHandler;
import dev.stride.functions.users.ListUsersHandler;
import dev.stride.functions.users.UpdateUserHandler;
import dev.stride.instance.LambdaContext;
import dev.stride.instance.Primer;
import dev.stride.instance.RolledBackWrites;
import dev.stride.instance.RolledBackWrites.History;
import dev.stride.instance.Services;
import dev.stride.paging.Cursor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Synthetic events through the real handlers, before the SnapStart snapshot. Nothing is written,
 * by construction. Every request runs to the end, statements, COMMIT and all, for a caller of its
 * own with a profile, a run and a mood that exist only inside its transaction, which is undone
 * before it commits ({@link RolledBackWrites}): a read answers 200 with that profile, run, mood,
 * list or dashboard in full, a create 201, a PATCH 200, a DELETE 204, so that the first real
 * request finds its statements prepared, its classes loaded and (after several rounds) its code
 * compiled. Every read and write (but a profile's create and a keyed request) also runs as the
 * caller {@value #CALLER}, which no Cognito user is (their subs are UUIDs) and which has no
 * profile, outside any transaction, as a real read or single-statement write runs (in
 * autocommit): 404 or an empty list, nothing written. So do the admin list of profiles and a
 * cursor Stride did not issue (400). A user's data is asked for by {@code me} and by the
 * profile's id, and a create with an Idempotency-Key and without: each is a path of its own.
 * Before a snapshot ({@link Scope#EVERY_SHAPE}) each request over the profile runs twice: over a
 * new user's profile, then over a lived-in one (more than a page of runs and moods, several tags,
 * empty optional fields: {@link History}) with its body compact, as clients send it.
 * At an on-demand init ({@link Scope#AT_INIT}) a read function runs only its requests as
 * {@value #CALLER}; a write function runs every path.
 */
public final class HandlerPriming implements Primer {

    static final String CALLER = "snapstart-priming";

    // Stands for a cursor Stride issued, for another list: signed when its request is sent, so
    // that only a list function pays for the HMAC's provider lookup (JCA: 20-30 ms as deployed),
    // which a real first page pays for when it signs its next page's cursor.
    private static final LambdaContext CONTEXT = new LambdaContext(Env.get("AWS_LAMBDA_FUNCTION_NAME"), CALLER,
            CALLER, Env.get("AWS_REGION"), 1024, Long.MAX_VALUE, LambdaContext.lines(System.err, ""));

    // The handlers by class name, constructed only for the requests a function sends: a function
    // primes its own handler's paths, and loading every other handler class (with what their
    // constructors load) was ~16 classes of every cold start. Names, not class literals: a class
    // literal loads its class. SnapStartTest primes each function by its name.
    private static final String LIST_USERS = "dev.stride.functions.users.ListUsersHandler";
    private static final String LIST_RUNS = "dev.stride.functions.runs.ListRunsHandler";
    private static final String GET_RUN = "dev.stride.functions.runs.GetRunHandler";
    private static final String LIST_MOODS = "dev.stride.functions.moods.ListMoodsHandler";
    private static final String GET_LATEST_MOOD = "dev.stride.functions.moods.GetLatestMoodHandler";
    private static final String GET_DASHBOARD = "dev.stride.functions.dashboard.GetDashboardHandler";
    private static final String CREATE_RUN = "dev.stride.functions.runs.CreateRunHandler";
    private static final String CREATE_MOOD = "dev.stride.functions.moods.CreateMoodHandler";
    private static final String CREATE_USER = "dev.stride.functions.users.CreateUserHandler";
    private static final String GET_USER = "dev.stride.functions.users.GetUserHandler";
    private static final String UPDATE_USER = "dev.stride.functions.users.UpdateUserHandler";
    private static final String DELETE_USER = "dev.stride.functions.users.DeleteUserHandler";
    private static final String GET_MOOD = "dev.stride.functions.moods.GetMoodHandler";
    private static final String UPDATE_MOOD = "dev.stride.functions.moods.UpdateMoodHandler";
    private static final String DELETE_MOOD = "dev.stride.functions.moods.DeleteMoodHandler";
    private static final String UPDATE_RUN = "dev.stride.functions.runs.UpdateRunHandler";
    private static final String DELETE_RUN = "dev.stride.functions.runs.DeleteRunHandler";

    private static final String ISSUED_CURSOR = "cursor=issued-for-another-list";

    // With a date and a title, as a real run has: parsing them is part of the path. Two tags (%s:
    // the caller's own, which no other instance inserts), as many runs have: sorting them is too.
    private static final String RUN = "{\"distance\": 5.2, \"unit\": \"km\", \"date\": \"2026-01-01\", \"durationSeconds\": 1800,"
            + " \"title\": \"Priming\", \"tags\": [\"easy\", \"%s\"]}";
    private static final String RUN_WITHOUT_TAGS = "{\"distance\": 5.2, \"unit\": \"km\", \"date\": \"2026-01-01\"}";
    private static final String MOOD = "{\"description\": \"Happy\", \"date\": \"2026-01-01\", \"energy\": 4}";

    @Override
    public List<Integer> prime(Services services, String handler, Scope scope) {
        RolledBackWrites writes = new RolledBackWrites(CALLER);
        List<Integer> statuses = new ArrayList<>();
        for (Request request : requests(writes)) {
            if (handler == null || request.handler().equals(handler)) {
                // As a caller without a profile, outside any transaction (a write's hook would make
                // it one), as a real read or single-statement write runs: 404, nothing written. Not a
                // profile's create (it would write one) nor a keyed request (it records its answer).
                if (request.profile() != Profile.NONE_YET && request.profile() != Profile.LIVED_IN && request.headers().isEmpty()) {
                    statuses.add(send(request, services, CALLER));
                }
                if (request.profile() != null && request.profile() != Profile.LIVED_IN
                        && (scope != Scope.AT_INIT || !"GET".equals(request.method()))) {
                    statuses.add(over(History.NEW, request, writes, services));
                }
                if (request.profile() != null && scope == Scope.EVERY_SHAPE) {
                    // Before a snapshot, over a lived-in profile too, its body as a client sends it
                    // (compact): real data takes paths a new profile's does not.
                    statuses.add(over(History.LIVED_IN, request.compact(), writes, services));
                }
            }
        }
        return statuses;
    }

    /** {@code request} as the caller of {@code writes}, whose profile (if it has one yet) holds {@code history}. */
    private static int over(History history, Request request, RolledBackWrites writes, Services services) {
        return writes.run(request.profile() == Profile.NONE_YET ? null : history, () -> send(request, services, writes.caller()));
    }

    /**
     * Whether the request's caller has a profile (with runs and moods) when it runs; LIVED_IN: a
     * request whose own path only a lived-in profile's data takes, run over that one only, before
     * a snapshot only (not after a restore, whose hook the first request waits for).
     */
    enum Profile { ALREADY_THERE, NONE_YET, LIVED_IN }

    /** One synthetic request to one handler; {@code profile} null for one as {@value #CALLER}. */
    record Request(String handler, String method,
                           String route, Map<String, String> pathParameters, String query, String body, Profile profile,
                           Map<String, String> headers) {

        Request(String handler, String method,
                String route, Map<String, String> pathParameters, String query, String body) {
            this(handler, method, route, pathParameters, query, body, Profile.ALREADY_THERE, Map.of());
        }

        Request as(Profile profile, Map<String, String> headers) {
            return new Request(handler, method, route, pathParameters, query, body, profile, headers);
        }

        /** With its body without the spaces after colons and commas, as most clients send JSON. */
        Request compact() {
            return body == null ? this
                    : new Request(handler, method, route, pathParameters, query, body.replace(": ", ":").replace(", ", ","), profile, headers);
        }
    }

    static List<Request> requests(RolledBackWrites writes) {
        Map<String, String> run = Map.of("runId", String.valueOf(writes.runId()));
        Map<String, String> mood = Map.of("moodId", String.valueOf(writes.moodId()));
        // A user's data is asked for as /users/me/... and as /users/{the profile's id}/...: each is a
        // statement of its own (by the caller's sub; by the id and the sub), both primed.
        Map<String, String> me = Map.of("id", "me");
        Map<String, String> byId = Map.of("id", String.valueOf(writes.userId()));
        // A create with an Idempotency-Key also records its answer; a repeat of a create would find it.
        Map<String, String> keyed = Map.of("Idempotency-Key", writes.caller());
        return List.of(
                new Request(LIST_USERS, "GET", "/users", Map.of(), "limit=5", null).as(null, Map.of()),
                // A cursor issued for another list (400): loads the cursor key and signs and checks one.
                new Request(LIST_USERS, "GET", "/users", Map.of(), ISSUED_CURSOR, null)
                        .as(null, Map.of()),
                // The default page size, as a first page is usually asked for: its statement's text
                // holds the limit, and so is prepared for that one.
                new Request(LIST_RUNS, "GET", "/users/{id}/runs", me, "", null),
                new Request(LIST_RUNS, "GET", "/users/{id}/runs", byId, "", null),
                new Request(LIST_RUNS, "GET", "/users/{id}/runs", me, ISSUED_CURSOR, null)
                        .as(null, Map.of()),
                new Request(LIST_RUNS, "GET", "/users/{id}/runs", me,
                        "from=2026-01-01&to=2026-12-31&tag=easy", null),
                new Request(GET_RUN, "GET", "/runs/{runId}", run, "", null),
                new Request(LIST_MOODS, "GET", "/users/{id}/moods", me, "", null),
                new Request(LIST_MOODS, "GET", "/users/{id}/moods", byId, "", null),
                new Request(LIST_MOODS, "GET", "/users/{id}/moods", me, ISSUED_CURSOR, null)
                        .as(null, Map.of()),
                new Request(GET_LATEST_MOOD, "GET", "/users/{id}/moods/latest", me, "", null),
                new Request(GET_LATEST_MOOD, "GET", "/users/{id}/moods/latest", byId, "", null),
                new Request(GET_DASHBOARD, "GET", "/users/{id}/dashboard", me, "", null),
                new Request(GET_DASHBOARD, "GET", "/users/{id}/dashboard", byId, "", null),
                new Request(CREATE_RUN, "POST", "/users/{id}/runs", me, "", runBody(writes))
                        .as(Profile.ALREADY_THERE, keyed),
                // Without an Idempotency-Key too: a create without one records nothing.
                new Request(CREATE_RUN, "POST", "/users/{id}/runs", byId, "", runBody(writes)),
                // Without tags, a create is one statement in autocommit, not a transaction.
                new Request(CREATE_RUN, "POST", "/users/{id}/runs", me, "", RUN_WITHOUT_TAGS).as(null, Map.of()),
                new Request(CREATE_MOOD, "POST", "/users/{id}/moods", me, "", MOOD)
                        .as(Profile.ALREADY_THERE, keyed),
                new Request(CREATE_MOOD, "POST", "/users/{id}/moods", byId, "", MOOD),
                new Request(CREATE_USER, "POST", "/users", Map.of(), "", profile(writes))
                        .as(Profile.NONE_YET, keyed),
                new Request(CREATE_USER, "POST", "/users", Map.of(), "", profile(writes))
                        .as(Profile.NONE_YET, Map.of()),
                new Request(GET_USER, "GET", "/users/{id}", me, "", null),
                new Request(GET_USER, "GET", "/users/{id}", byId, "", null),
                new Request(UPDATE_USER, "PATCH", "/users/{id}", me, "", "{\"username\": \"Primed\"}"),
                new Request(UPDATE_USER, "PATCH", "/users/{id}", byId, "", "{\"username\": \"Primed\"}"),
                new Request(DELETE_USER, "DELETE", "/users/{id}", me, "", null),
                new Request(DELETE_USER, "DELETE", "/users/{id}", byId, "", null),
                new Request(GET_MOOD, "GET", "/moods/{moodId}", mood, "", null),
                new Request(UPDATE_MOOD, "PATCH", "/moods/{moodId}", mood, "", "{\"energy\": 5}"),
                new Request(DELETE_MOOD, "DELETE", "/moods/{moodId}", mood, "", null),
                new Request(UPDATE_RUN, "PATCH", "/runs/{runId}", run, "",
                        "{\"distance\": 6.1, \"tags\": [\"easy\"]}"),
                // The distance alone, as most changes are: the tags kept, the body ending on a number.
                new Request(UPDATE_RUN, "PATCH", "/runs/{runId}", run, "", "{\"distance\": 6.25}")
                        .as(Profile.LIVED_IN, Map.of()),
                new Request(DELETE_RUN, "DELETE", "/runs/{runId}", run, "", null));
    }

    private static String runBody(RolledBackWrites writes) {
        return RUN.formatted(writes.tags().getFirst());
    }

    private static String profile(RolledBackWrites writes) {
        return "{\"username\": \"Priming\", \"email\": \"" + writes.caller() + "@priming.invalid\"}";
    }

    private static int send(Request request, Services services, String caller) {
        HttpApiEvent event = HttpApiEvent.request(request.method(), request.route())
                .path(request.pathParameters())
                .rawQuery(request.query().equals(ISSUED_CURSOR)
                        ? "cursor=" + Cursor.encode(Cursor.scope("priming"), new Cursor.Position(LocalDate.EPOCH, 1))
                        : request.query())
                .as(caller)
                .requestId(CALLER)
                // What API Gateway passes with every request, so that reading the headers is primed too.
                .header("accept", "application/json")
                .header("host", "priming.invalid")
                .header("user-agent", CALLER)
                .header("x-forwarded-for", "127.0.0.1")
                .header("x-forwarded-proto", "https");
        request.headers().forEach(event::header);
        if (request.body() != null) {
            event.body(request.body()).header("content-length", String.valueOf(request.body().length()));
        }
        // A context as Lambda passes one; the invocation is still synthetic (see dev.stride.instance.Priming).
        return handler(request.handler(), services).handleRequest(event.build(), CONTEXT).getStatusCode();
    }

    // A return per case, not a switch expression: the expression's value is typed at the join as
    // the handlers' common class, and the verifier loads every handler class to check it there.
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String name, Services services) {
        switch (name) {
            case LIST_USERS:
                return new ListUsersHandler(services.users());
            case LIST_RUNS:
                return new ListRunsHandler(services.runs());
            case GET_RUN:
                return new GetRunHandler(services.runs());
            case LIST_MOODS:
                return new ListMoodsHandler(services.moods());
            case GET_LATEST_MOOD:
                return new GetLatestMoodHandler(services.moods());
            case GET_DASHBOARD:
                return new GetDashboardHandler(services.dashboard());
            case CREATE_RUN:
                return new CreateRunHandler(services.runs());
            case CREATE_MOOD:
                return new CreateMoodHandler(services.moods());
            case CREATE_USER:
                return new CreateUserHandler(services.users());
            case GET_USER:
                return new GetUserHandler(services.users());
            case UPDATE_USER:
                return new UpdateUserHandler(services.users());
            case DELETE_USER:
                return new DeleteUserHandler(services.users());
            case GET_MOOD:
                return new GetMoodHandler(services.moods());
            case UPDATE_MOOD:
                return new UpdateMoodHandler(services.moods());
            case DELETE_MOOD:
                return new DeleteMoodHandler(services.moods());
            case UPDATE_RUN:
                return new UpdateRunHandler(services.runs());
            case DELETE_RUN:
                return new DeleteRunHandler(services.runs());
            default:
                throw new IllegalArgumentException("no priming requests for " + name);
        }
    }
}
