package dev.stride.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stride.web.support.Browsers;
import dev.stride.web.support.Page;
import dev.stride.web.support.ScreenshotOnFailure;
import dev.stride.web.support.StrideServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Two browser sessions edit the same run. The second save carries the version it opened
 * (If-Match), the API answers 412, and the app shows the newer version beside the user's own: the
 * user picks the saved one, adds their change to it, and nobody's edit is lost.
 */
@ExtendWith(ScreenshotOnFailure.class)
class EditConflictBrowserTest {

    private ChromeDriver first;
    private ChromeDriver second;

    @AfterEach
    void close() {
        Browsers.close(first);
        Browsers.close(second);
    }

    @Test
    void edit_whenAnotherSessionSavedFirst_thenNewerVersionShownAndChosen() {
        String sub = "conflict-" + System.nanoTime();
        StrideServer.ok(sub, "POST", "/users", Map.of("username", "Bo", "email", sub + "@example.com"));
        long id = StrideServer.ok(sub, "POST", "/users/me/runs",
                Map.of("distance", 6.5, "title", "Lunch run", "tags", List.of("park"))).path("id").asLong();

        first = Browsers.desktop();
        second = Browsers.desktop();
        Page a = open(first, sub, id);
        Page b = open(second, sub, id);

        a.type("title", "Lunch run in the rain");
        a.button("Save changes").click();
        a.screen("Runs");

        b.type("notes", "Negative split.");
        b.button("Save changes").click();
        b.visible(".conflict");
        b.waitText(".conflict h2", "This run was changed elsewhere");
        List<String> titleRow = b.all(".conflict tbody tr").get(3).findElements(org.openqa.selenium.By.tagName("td"))
                .stream().map(e -> e.getText()).toList();
        assertThat(titleRow).as("title: yours, saved").containsExactly("Lunch run", "Lunch run in the rain");
        assertThat(StrideServer.ok(sub, "GET", "/runs/" + id, null).path("notes").isNull())
                .as("the stale save changed nothing").isTrue();

        b.button("Use the saved version").click();
        assertThat(b.field("title").getAttribute("value")).isEqualTo("Lunch run in the rain");
        b.type("notes", "Negative split.");
        b.button("Save changes").click();
        b.screen("Runs");

        JsonNode run = StrideServer.ok(sub, "GET", "/runs/" + id, null);
        assertThat(run.path("title").asText()).isEqualTo("Lunch run in the rain");
        assertThat(run.path("notes").asText()).isEqualTo("Negative split.");
    }

    private static Page open(ChromeDriver driver, String sub, long runId) {
        Page page = new Page(driver).open(StrideServer.url() + "/#/runs/" + runId);
        page.signIn(sub);
        page.screen("Edit run");
        page.waitText("main .editor", "Distance");
        return page;
    }
}
