package dev.stride.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.local.demo.DemoData;
import dev.stride.local.demo.DemoStory;
import dev.stride.local.support.Client;
import dev.stride.local.support.TestServer;
import org.junit.jupiter.api.Test;

/** {@code --demo}: the tutorial's story through the API into an empty database, its users discoverable. */
class DemoTest {

    @Test
    void fillsAnEmptyDatabaseOnceAndListsItsUsers() {
        TestServer.resetData();
        LocalApp app = TestServer.app();
        DemoData demo = new DemoData(app.database().settings(), LocalApp.json());

        int requests = demo.fillIfEmpty(app.server().url(), app.server().identities());

        assertThat(requests).isGreaterThan(30);
        assertThat(TestServer.count("SELECT count(*) FROM users")).isEqualTo(DemoStory.PEOPLE.size());
        assertThat(TestServer.count("SELECT count(DISTINCT user_id) FROM runs")).isEqualTo(3);
        assertThat(TestServer.count("SELECT count(*) FROM run_tags")).isPositive();
        assertThat(TestServer.count("SELECT count(*) FROM moods WHERE energy IS NOT NULL")).isPositive();
        assertThat(TestServer.count("SELECT count(*) FROM runs WHERE run_date < current_date - 21")).as("over recent weeks")
                .isPositive();
        assertThat(demo.fillIfEmpty(app.server().url(), app.server().identities())).as("only into an empty database").isZero();

        Client api = TestServer.client();
        JsonNode users = api.get("/_local/demo-users", null).json().get("users");
        assertThat(users.findValuesAsText("sub")).containsExactly("alice", "bob", "carol");
        JsonNode dashboard = api.get("/users/me/dashboard", TestServer.token("alice")).json();
        assertThat(dashboard.get("totalRuns").asInt()).isGreaterThan(10);
        assertThat(DemoData.tokenCommand(app.server().url(), DemoStory.PEOPLE.get(2)))
                .contains("-H 'Content-Type: application/json'").contains("\"groups\": [\"admin\"]");
        TestServer.resetData();
    }
}
