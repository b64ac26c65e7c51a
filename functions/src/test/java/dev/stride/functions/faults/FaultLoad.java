package dev.stride.functions.faults;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.api.HttpApiEvent;
import dev.stride.instance.LambdaContext;
import dev.stride.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A careful client of one caller, on one "Lambda instance" (its own handlers over a pool of one
 * connection), sending a mixed load: creates with an {@code Idempotency-Key} (retried with the same
 * key after a 503), PATCHes and DELETEs with {@code If-Match}, GETs with {@code If-None-Match},
 * dashboards. It remembers what the API acknowledged, so that afterwards the database can be held
 * to it.
 */
final class FaultLoad implements Runnable {

    static final String[] TAGS = {"easy", "long", "hill", "race", "tempo"};

    /** A create as the client sent it: the marker in {@code notes} finds its row(s) afterwards. */
    static final class Create {
        final String kind;
        final String marker = UUID.randomUUID().toString();
        final String key = UUID.randomUUID().toString();
        final String body;
        boolean acknowledged;
        long id;

        Create(String kind, String body) {
            this.kind = kind;
            this.body = body;
        }
    }

    /** A run this client created: what it last heard of it, and the changes it sent without an answer. */
    static final class KnownRun {
        final Create create;
        RunState acknowledged;
        final List<RunState> unanswered = new ArrayList<>();
        String etag;
        boolean deleted;
        boolean maybeDeleted;

        KnownRun(Create create, RunState state, String etag) {
            this.create = create;
            this.acknowledged = state;
            this.etag = etag;
        }
    }

    record RunState(long distance, String title, List<String> tags) {
        static RunState of(JsonNode run) {
            List<String> tags = new ArrayList<>();
            run.get("tags").forEach(tag -> tags.add(tag.asText()));
            return new RunState(Math.round(run.get("distance").asDouble()), run.get("title").asText(null), tags);
        }
    }

    private final String sub;
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> routes;
    private final Random random;
    private final AtomicBoolean stop = new AtomicBoolean();
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    final List<String> violations = new ArrayList<>();
    final List<Create> creates = new ArrayList<>();
    final List<KnownRun> runs = new ArrayList<>();
    final AtomicLong sent = new AtomicLong();

    FaultLoad(String sub, Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> routes, long seed) {
        this.sub = sub;
        this.routes = routes;
        this.random = new Random(seed);
    }

    void stop() {
        stop.set(true);
    }

    @Override
    public void run() {
        while (!stop.get()) {
            int pick = random.nextInt(100);
            List<KnownRun> live = runs.stream().filter(r -> !r.deleted && !r.maybeDeleted).toList();
            if (pick < 35 || live.isEmpty()) {
                createRun();
            } else if (pick < 60) {
                patch(live.get(random.nextInt(live.size())));
            } else if (pick < 68) {
                delete(live.get(random.nextInt(live.size())));
            } else if (pick < 80) {
                get(live.get(random.nextInt(live.size())));
            } else if (pick < 90) {
                send("GET", "/users/{id}/dashboard", Map.of("id", "me"), null, Map.of());
            } else {
                createMood();
            }
        }
    }

    /** After the fault: every create still unanswered is sent again with its key until it is answered. */
    void settle() throws InterruptedException {
        for (Create create : creates) {
            for (int attempt = 0; !create.acknowledged && attempt < 20; attempt++) {
                if (!resend(create)) {
                    break;
                }
                if (!create.acknowledged) {
                    Thread.sleep(100);
                }
            }
        }
    }

    private void createRun() {
        List<String> tags = tags();
        String body = Json.write(Map.of("distance", 1 + random.nextInt(40), "title", "t" + random.nextInt(1000),
                "tags", tags, "date", "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10),
                "durationSeconds", 600 + random.nextInt(3000)));
        Create create = new Create("run", body);
        creates.add(create);
        resend(create);
    }

    private void createMood() {
        Create create = new Create("mood", null);
        creates.add(create);
        resend(create);
    }

    /** Sends (again) a create; false when the answer means it will never succeed. */
    private boolean resend(Create create) {
        String body = create.kind.equals("run")
                ? create.body.replaceFirst("\\{", "{\"notes\": \"" + create.marker + "\", ")
                : Json.write(Map.of("description", "Calm", "date", "2026-03-01", "note", create.marker));
        String route = create.kind.equals("run") ? "/users/{id}/runs" : "/users/{id}/moods";
        APIGatewayV2HTTPResponse response = send("POST", route, Map.of("id", "me"), body,
                Map.of("Idempotency-Key", create.key));
        int status = response.getStatusCode();
        if (status == 201) {
            JsonNode created = read(response);
            if (!create.acknowledged && create.kind.equals("run")) {
                runs.add(new KnownRun(create, RunState.of(created), header(response, "ETag")));
            }
            create.acknowledged = true;
            create.id = created.get("id").asLong();
            return true;
        }
        return status == 503 || status == 409;
    }

    private void patch(KnownRun run) {
        RunState next = new RunState(1 + random.nextInt(40), "p" + random.nextInt(1000), tags());
        String body = Json.write(Map.of("distance", next.distance(), "title", next.title(), "tags", next.tags()));
        APIGatewayV2HTTPResponse response = send("PATCH", "/runs/{runId}", Map.of("runId", run.create.id), body,
                run.etag == null ? Map.of() : Map.of("If-Match", run.etag));
        switch (response.getStatusCode()) {
            case 200 -> {
                run.acknowledged = RunState.of(read(response));
                run.unanswered.clear();
                run.etag = header(response, "ETag");
                if (!run.acknowledged.equals(next)) {
                    violations.add("PATCH answered 200 with " + run.acknowledged + ", not " + next);
                }
            }
            case 503 -> run.unanswered.add(next);
            case 412, 404 -> refresh(run);
            default -> { }
        }
    }

    private void delete(KnownRun run) {
        APIGatewayV2HTTPResponse response = send("DELETE", "/runs/{runId}", Map.of("runId", run.create.id), null,
                run.etag == null ? Map.of() : Map.of("If-Match", run.etag));
        switch (response.getStatusCode()) {
            case 204 -> run.deleted = true;
            case 503 -> run.maybeDeleted = true;
            case 412, 404 -> refresh(run);
            default -> { }
        }
    }

    private void get(KnownRun run) {
        APIGatewayV2HTTPResponse response = send("GET", "/runs/{runId}", Map.of("runId", run.create.id), null,
                run.etag == null ? Map.of() : Map.of("If-None-Match", run.etag));
        if (response.getStatusCode() == 200) {
            adopt(run, RunState.of(read(response)), header(response, "ETag"));
        }
    }

    /** Reads the run again after a 412 or 404: what it holds must be a state this client sent. */
    private void refresh(KnownRun run) {
        APIGatewayV2HTTPResponse response = send("GET", "/runs/{runId}", Map.of("runId", run.create.id), null, Map.of());
        if (response.getStatusCode() == 200) {
            adopt(run, RunState.of(read(response)), header(response, "ETag"));
        } else if (response.getStatusCode() == 404) {
            run.maybeDeleted = true;
        }
    }

    private void adopt(KnownRun run, RunState current, String etag) {
        if (!current.equals(run.acknowledged) && !run.unanswered.contains(current)) {
            violations.add("run " + run.create.id + " holds " + current + ", neither the acknowledged "
                    + run.acknowledged + " nor one of " + run.unanswered);
        }
        run.acknowledged = current;
        run.unanswered.clear();
        run.etag = etag;
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (String tag : TAGS) {
            if (random.nextInt(3) == 0) {
                tags.add(tag);
            }
        }
        if (random.nextInt(4) == 0) {
            tags.add("new-" + UUID.randomUUID().toString().substring(0, 8));
        }
        return tags.stream().sorted().toList();
    }

    private APIGatewayV2HTTPResponse send(String method, String route, Map<String, Object> path, String body,
                                          Map<String, String> headers) {
        HttpApiEvent event = HttpApiEvent.request(method, route).as(sub);
        path.forEach(event::path);
        headers.forEach(event::header);
        if (body != null) {
            event.body(body);
        }
        APIGatewayV2HTTPResponse response = routes.get(method + " " + route).handleRequest(event.build(), new LambdaContext());
        sent.incrementAndGet();
        statuses.computeIfAbsent(response.getStatusCode(), s -> new AtomicLong()).incrementAndGet();
        if (response.getStatusCode() == 503 && header(response, "Retry-After") == null) {
            violations.add(method + " " + route + ": 503 without Retry-After");
        }
        if (response.getStatusCode() >= 500 && response.getStatusCode() != 503) {
            violations.add(method + " " + route + " answered " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }

    Map<Integer, Long> statusCounts() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    private static String header(APIGatewayV2HTTPResponse response, String name) {
        if (response.getHeaders() == null) {
            return null;
        }
        return response.getHeaders().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static JsonNode read(APIGatewayV2HTTPResponse response) {
        try {
            return Json.read(response.getBody());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }
}
