package dev.stride.functions.safewrites;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.api.HttpApiEvent;
import dev.stride.db.Database;
import dev.stride.db.TransactionHook;
import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import dev.stride.testkit.TestDatabase;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API.md, "Safe writes": versions and conditional requests, and retry-safe creates. */
class SafeWritesTest {

    private static final String RUN = "{\"distance\": 5, \"date\": \"2026-11-20\", \"tags\": [\"easy\"]}";

    private final TestApi alice = TestApi.as("alice-sub");

    @BeforeEach
    void aliceWithProfile() {
        TestDatabase.reset();
        TestDatabase.execute("TRUNCATE idempotency_keys");
        alice.post("/users", "{\"username\": \"Alice\", \"email\": \"alice@example.com\"}");
    }

    // --- versions and conditional requests ---

    @Test
    void get_whenIfNoneMatchIsCurrent_then304WithoutBody() {
        TestResponse created = alice.post("/users/me/runs", RUN);
        String etag = created.header("ETag");
        assertThat(etag).matches("\"[0-9]+-[0-9]+\"");

        TestResponse same = send("GET", "/runs/" + created.id(), null, Map.of("If-None-Match", etag));
        TestResponse other = send("GET", "/runs/" + created.id(), null, Map.of("If-None-Match", "\"1-999\""));

        assertThat(same.status()).isEqualTo(304);
        assertThat(same.body()).isNullOrEmpty();
        assertThat(same.header("ETag")).isEqualTo(etag);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("ETag")).isEqualTo(etag);
    }

    @Test
    void patch_whenIfMatchIsStale_then412AndNothingChanges() {
        TestResponse created = alice.post("/users/me/runs", RUN);
        String first = created.header("ETag");
        TestResponse changed = send("PATCH", "/runs/" + created.id(), "{\"distance\": 6}", Map.of("If-Match", first));
        String second = changed.header("ETag");

        TestResponse stale = send("PATCH", "/runs/" + created.id(), "{\"distance\": 7}", Map.of("If-Match", first));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(second).isNotEqualTo(first);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(stale.json().get("type").asText()).isEqualTo("https://stride.dev/problems/precondition-failed");
        TestResponse now = alice.get("/runs/" + created.id());
        assertThat(now.json().get("distance").asDouble()).isEqualTo(6.0);
        assertThat(now.header("ETag")).isEqualTo(second);
        // Any of several tags may match; * matches whatever state the run is in.
        assertThat(send("PATCH", "/runs/" + created.id(), "{\"distance\": 8}", Map.of("If-Match", first + ", " + second)).status())
                .isEqualTo(200);
        assertThat(send("PATCH", "/runs/" + created.id(), "{\"distance\": 9}", Map.of("If-Match", "*")).status()).isEqualTo(200);
        assertThat(send("PATCH", "/runs/" + created.id(), "{\"distance\": 9}", Map.of("If-Match", "W/" + second)).status())
                .as("a weak tag never matches If-Match").isEqualTo(412);
    }

    @Test
    void patch_whenOnlyTagsChange_thenVersionAndUpdatedAtChange() throws Exception {
        TestResponse created = alice.post("/users/me/runs", RUN);
        Thread.sleep(1100); // updatedAt is answered to the second

        TestResponse retagged = alice.patch("/runs/" + created.id(), "{\"tags\": [\"easy\", \"hill\"]}");

        assertThat(retagged.status()).isEqualTo(200);
        assertThat(retagged.header("ETag")).isNotEqualTo(created.header("ETag"));
        assertThat(retagged.json().get("updatedAt").asText()).isNotEqualTo(created.json().get("updatedAt").asText());
        assertThat(alice.get("/runs/" + created.id()).header("ETag")).isEqualTo(retagged.header("ETag"));
    }

    @Test
    void delete_whenIfMatchIsStale_then412AndTheRunStays() {
        TestResponse created = alice.post("/users/me/runs", RUN);
        alice.patch("/runs/" + created.id(), "{\"title\": \"changed\"}");

        TestResponse stale = send("DELETE", "/runs/" + created.id(), null, Map.of("If-Match", created.header("ETag")));
        String current = alice.get("/runs/" + created.id()).header("ETag");
        TestResponse fresh = send("DELETE", "/runs/" + created.id(), null, Map.of("If-Match", current));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(fresh.status()).isEqualTo(204);
        assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isZero();
    }

    @Test
    void usersAndMoods_whenConditional_thenSameRules() {
        TestResponse me = alice.get("/users/me");
        TestResponse mood = alice.post("/users/me/moods", "{\"description\": \"Calm\", \"date\": \"2026-11-20\"}");

        assertThat(send("GET", "/users/me", null, Map.of("If-None-Match", me.header("ETag"))).status()).isEqualTo(304);
        assertThat(send("GET", "/users/me/moods/latest", null, Map.of("If-None-Match", mood.header("ETag"))).status()).isEqualTo(304);
        assertThat(alice.patch("/users/me", "{\"username\": \"Al\"}").status()).isEqualTo(200);
        assertThat(send("PATCH", "/users/me", "{\"username\": \"Ally\"}", Map.of("If-Match", me.header("ETag"))).status()).isEqualTo(412);
        assertThat(send("DELETE", "/users/me", null, Map.of("If-Match", me.header("ETag"))).status()).isEqualTo(412);
        assertThat(send("PATCH", "/moods/" + mood.id(), "{\"stress\": 2}", Map.of("If-Match", "\"" + mood.id() + "-2\"")).status())
                .isEqualTo(412);
        assertThat(alice.get("/users/me").json().get("username").asText()).isEqualTo("Al");
        // A profile deleted and created again is another resource: the old tag does not match it.
        assertThat(alice.delete("/users/me").status()).isEqualTo(204);
        alice.post("/users", "{\"username\": \"Alice\", \"email\": \"alice@example.com\"}");
        assertThat(send("GET", "/users/me", null, Map.of("If-None-Match", me.header("ETag"))).status()).isEqualTo(200);
    }

    // --- retry-safe creates ---

    @Test
    void post_whenRepeatedWithTheSameKey_thenTheFirstAnswerAgainAndOneRun() {
        TestResponse first = send("POST", "/users/me/runs", RUN, Map.of("Idempotency-Key", "run-1"));
        TestResponse again = send("POST", "/users/me/runs", RUN, Map.of("Idempotency-Key", "run-1"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM idempotency_keys")).isEqualTo(1);
    }

    @Test
    void post_whenTheKeyComesWithAnotherBody_then422AndNothingCreated() {
        send("POST", "/users/me/runs", RUN, Map.of("Idempotency-Key", "run-1"));

        TestResponse other = send("POST", "/users/me/runs", "{\"distance\": 6}", Map.of("Idempotency-Key", "run-1"));
        TestResponse otherRoute = send("POST", "/users/me/moods", "{\"description\": \"Calm\", \"date\": \"2026-11-20\"}",
                Map.of("Idempotency-Key", "run-1"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asText()).isEqualTo("https://stride.dev/problems/idempotency-key-reused");
        assertThat(otherRoute.status()).isEqualTo(422);
        assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT count(*) FROM moods")).isZero();
    }

    @Test
    void post_whenAnotherCallerUsesTheSameKey_thenUnrelated() {
        TestApi bob = TestApi.as("bob-sub");
        bob.post("/users", "{\"username\": \"Bob\", \"email\": \"bob@example.com\"}");
        TestResponse mine = send("POST", "/users/me/runs", RUN, Map.of("Idempotency-Key", "shared-key"));

        TestResponse bobs = bob.send("POST", bob.eventFor("POST", "/users/me/runs").body(RUN).header("Idempotency-Key", "shared-key"));

        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.id()).isNotEqualTo(mine.id());
        assertThat(bobs.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void post_whenTheFirstIsStillBeingServed_then409ThenServedOnceItIsDone() throws Exception {
        try (Connection other = DriverManager.getConnection(TestDatabase.settings().jdbcUrl(), TestDatabase.settings().user(),
                TestDatabase.settings().password()); Statement statement = other.createStatement()) {
            // What the first request's transaction holds while it runs.
            statement.execute("SELECT pg_advisory_lock(hashtextextended('alice-sub' || ' ' || 'slow-key', 0))");

            TestResponse meanwhile = send("POST", "/users/me/runs", RUN, Map.of("Idempotency-Key", "slow-key"));

            assertThat(meanwhile.status()).isEqualTo(409);
            assertThat(meanwhile.json().get("type").asText()).isEqualTo("https://stride.dev/problems/idempotency-key-in-use");
            statement.execute("SELECT pg_advisory_unlock_all()");
        }
        assertThat(send("POST", "/users/me/runs", RUN, Map.of("Idempotency-Key", "slow-key")).status()).isEqualTo(201);
        assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isEqualTo(1);
    }

    @Test
    void post_whenTheKeyIsNotVisibleAscii_then400AndNothingCreated() {
        for (String key : new String[] {"", "has space", "x".repeat(256), "caf\u00e9", "tab\tkey"}) {
            TestResponse bad = send("POST", "/users/me/runs", RUN, Map.of("Idempotency-Key", key));

            assertThat(bad.status()).as("[" + key + "]").isEqualTo(400);
            assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
        }
        assertThat(send("POST", "/users/me/runs", RUN, Map.of("Idempotency-Key", "x".repeat(255))).status()).isEqualTo(201);
        assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isEqualTo(1);
    }

    @Test
    void post_whenTheFirstAttemptFailed_thenTheSameRequestMayBeSentAgainWithItsKey() {
        TestApi carol = TestApi.as("carol-sub");
        // Carol has no profile yet: her first run is refused (404) inside the transaction that would keep its key.
        TestResponse refused = carol.send("POST", carol.eventFor("POST", "/users/me/runs").body(RUN).header("Idempotency-Key", "k"));
        carol.post("/users", "{\"username\": \"Carol\", \"email\": \"carol@example.com\"}");

        TestResponse again = carol.send("POST", carol.eventFor("POST", "/users/me/runs").body(RUN).header("Idempotency-Key", "k"));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(again.status()).as("only 2xx answers are kept").isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(TestDatabase.count("SELECT count(*) FROM runs")).isEqualTo(1);
    }

    @Test
    void keys_whenOlderThan24Hours_thenForgottenAndCleanedUp() {
        send("POST", "/users/me/runs", RUN, Map.of("Idempotency-Key", "old"));
        TestDatabase.execute("UPDATE idempotency_keys SET expires_at = now() - interval '1 second'");

        TestResponse anew = send("POST", "/users/me/runs", "{\"distance\": 6}", Map.of("Idempotency-Key", "old"));

        assertThat(anew.status()).isEqualTo(201);
        assertThat(anew.header("Idempotent-Replayed")).isNull();
        TestDatabase.execute("INSERT INTO idempotency_keys (caller_sub, key, fingerprint, status, expires_at) "
                + "SELECT 'gone', 'k' || g, '\\x00', 201, now() - interval '1 hour' FROM generate_series(1, 300) g");
        assertThat(TestDatabase.count("SELECT idempotency_keys_cleanup(1000)")).isEqualTo(300);
        assertThat(TestDatabase.count("SELECT count(*) FROM idempotency_keys")).isEqualTo(1);
    }

    @Test
    void post_whenTheConnectionIsLostDuringCommit_thenNotCalledSafeUnlessKeyed() {
        TestResponse unkeyed = Database.withHook(killBeforeCommit(), () -> send("POST", "/users/me/runs", RUN, Map.of()));
        TestResponse keyed = Database.withHook(killBeforeCommit(),
                () -> send("POST", "/users/me/runs", RUN, Map.of("Idempotency-Key", "lost-commit")));

        assertThat(unkeyed.status()).isEqualTo(503);
        assertThat(unkeyed.header("Retry-After")).isNotNull();
        assertThat(unkeyed.json().get("type").asText()).isEqualTo("https://stride.dev/problems/outcome-unknown");
        assertThat(keyed.status()).isEqualTo(503);
        assertThat(keyed.header("Retry-After")).isNotNull();
        assertThat(keyed.json().get("type").asText()).isEqualTo("https://stride.dev/problems/unavailable");
        assertThat(keyed.json().get("detail").asText()).contains("same Idempotency-Key");
        // The retry the answer invited: exactly one run for that key, whatever became of the first COMMIT.
        TestResponse retried = send("POST", "/users/me/runs", RUN, Map.of("Idempotency-Key", "lost-commit"));
        assertThat(retried.status()).isEqualTo(201);
        assertThat(TestDatabase.count("SELECT count(*) FROM idempotency_keys WHERE key = 'lost-commit'")).isEqualTo(1);
    }

    /** Ends the unit of work's own session just before its COMMIT: the connection is lost during COMMIT. */
    private static TransactionHook killBeforeCommit() {
        return new TransactionHook() {
            @Override
            public void begin(EntityManager em) {
            }

            @Override
            public void beforeCommit(EntityManager em, Object result) {
                Object pid = em.createNativeQuery("SELECT pg_backend_pid()").getSingleResult();
                // Over a connection of its own: the function's only pooled connection is the one being ended.
                try (Connection admin = DriverManager.getConnection(TestDatabase.settings().jdbcUrl(),
                        TestDatabase.settings().user(), TestDatabase.settings().password());
                     Statement statement = admin.createStatement()) {
                    statement.execute("SELECT pg_terminate_backend(" + pid + ")");
                    Thread.sleep(300);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private TestResponse send(String method, String path, String body, Map<String, String> headers) {
        HttpApiEvent event = alice.eventFor(method, path);
        if (body != null) {
            event.body(body);
        }
        headers.forEach(event::header);
        return alice.send(method, event);
    }
}
