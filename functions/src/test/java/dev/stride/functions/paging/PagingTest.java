package dev.stride.functions.paging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.functions.support.TestApi;
import dev.stride.functions.support.TestResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagingTest {

    private final TestApi alice = TestApi.as("alice-sub");

    @BeforeEach
    void aliceWithProfile() {
        alice.freshProfile("Alice", "alice@example.com");
    }

    @Test
    void listRuns_whenDefaultLimit_thenPagesOf20() {
        for (int i = 0; i < 25; i++) {
            run("2026-11-" + String.format("%02d", 1 + i % 20));
        }

        TestResponse first = alice.get("/users/me/runs");

        assertThat(first.json().get("items")).hasSize(20);
        assertThat(first.json().get("nextCursor").isTextual()).isTrue();
    }

    @Test
    void listRuns_whenFollowingCursorWhileRunsAreAdded_thenEveryOriginalRunExactlyOnce() {
        Set<Long> original = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            // several runs share a date, so the id must break ties
            original.add(run("2026-11-" + String.format("%02d", 1 + i % 7)));
        }

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TestResponse page = alice.get("/users/me/runs?limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(item -> seen.add(item.get("id").asLong()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asText();
            // new runs arrive while the client pages: on every date, old and new
            run("2026-11-" + String.format("%02d", 1 + pages % 7));
            run("2026-11-20");
            pages++;
        } while (cursor != null && pages < 50);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(original);
    }

    @Test
    void listMoods_whenPaging_thenEveryMoodOnceInOrder() {
        List<Long> expected = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            TestResponse created = alice.post("/users/me/moods",
                    "{\"description\": \"M" + i + "\", \"date\": \"2026-11-" + String.format("%02d", i) + "\"}");
            expected.add(0, created.id());
        }

        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            TestResponse page = alice.get("/users/me/moods?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            page.json().get("items").forEach(item -> seen.add(item.get("id").asLong()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void listUsers_whenAdminPaging_thenEveryUserOnce() {
        for (int i = 0; i < 5; i++) {
            TestApi.as("user-" + i).post("/users", "{\"username\": \"U" + i + "\", \"email\": \"u" + i + "@example.com\"}");
        }
        TestApi admin = TestApi.as("admin-sub", "admin");

        TestResponse first = admin.get("/users?limit=4");
        TestResponse second = admin.get("/users?limit=4&cursor=" + first.json().get("nextCursor").asText());

        assertThat(first.json().get("items")).hasSize(4);
        assertThat(second.json().get("items")).hasSize(2);
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void cursor_whenReusedWithOtherFilters_then400() {
        for (int i = 0; i < 3; i++) {
            run("2026-11-0" + (i + 1));
        }
        String cursor = alice.get("/users/me/runs?limit=1").json().get("nextCursor").asText();

        TestResponse otherFilter = alice.get("/users/me/runs?limit=1&from=2026-11-01&cursor=" + cursor);
        TestResponse otherList = alice.get("/users/me/moods?limit=1&cursor=" + cursor);

        assertThat(otherFilter.status()).isEqualTo(400);
        assertThat(otherFilter.json().get("errors").get(0).get("field").asText()).isEqualTo("cursor");
        assertThat(otherList.status()).isEqualTo(400);
    }

    @Test
    void cursor_whenNotIssuedByStride_then400() {
        run("2026-11-01");
        run("2026-11-02");
        String cursor = alice.get("/users/me/runs?limit=1").json().get("nextCursor").asText();
        char last = cursor.charAt(cursor.length() - 1);
        String tampered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(alice.get("/users/me/runs?cursor=not-a-cursor").status()).isEqualTo(400);
        assertThat(alice.get("/users/me/runs?cursor=" + tampered).status()).isEqualTo(400);
        assertThat(alice.get("/users/me/runs?cursor=" + cursor).status()).isEqualTo(200);
    }

    @Test
    void cursor_whenAnotherCallersCursor_then400() {
        run("2026-11-01");
        run("2026-11-02");
        String alicesCursor = alice.get("/users/me/runs?limit=1").json().get("nextCursor").asText();
        TestApi bob = TestApi.as("bob-sub");
        bob.post("/users", "{\"username\": \"Bob\", \"email\": \"bob@example.com\"}");

        assertThat(bob.get("/users/me/runs?cursor=" + alicesCursor).status()).isEqualTo(400);
    }

    @Test
    void limit_whenOutOfRangeOrNotANumber_then400() {
        for (String limit : List.of("0", "101", "-1", "abc", "1.5", "99999999999999999999")) {
            TestResponse response = alice.get("/users/me/runs?limit=" + limit);
            assertThat(response.status()).as("limit=" + limit).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
        }
        assertThat(alice.get("/users/me/runs?limit=100").status()).isEqualTo(200);
        assertThat(alice.get("/users/me/runs?limit=1").status()).isEqualTo(200);
    }

    private long run(String date) {
        TestResponse created = alice.post("/users/me/runs", "{\"distance\": 5, \"date\": \"" + date + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }
}
