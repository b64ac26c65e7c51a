package dev.stride.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.web.support.Browsers;
import dev.stride.web.support.Page;
import dev.stride.web.support.ScreenshotOnFailure;
import dev.stride.web.support.StrideServer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The tutorial's story, told through the web app in a real Chromium against a real local server:
 * sign in, create the profile, log runs and a mood, find them in the lists and in the dashboard's
 * numbers and charts, edit a run, meet a validation error next to its field, delete a run, and
 * delete the account with everything in it.
 */
@ExtendWith(ScreenshotOnFailure.class)
class TutorialStoryBrowserTest {

    private ChromeDriver driver;
    private Page page;

    @BeforeEach
    void open() {
        driver = Browsers.desktop();
        page = new Page(driver).open(StrideServer.url() + "/");
    }

    @AfterEach
    void close() {
        Browsers.close(driver);
    }

    @Test
    void story_whenToldThroughTheApp_thenEveryStepShowsAndIsStored() {
        String sub = "story-" + System.nanoTime();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // Sign in, then the profile the first time.
        page.signIn(sub);
        page.screen("Welcome to Stride");
        page.type("username", "Alice").type("email", sub + "@example.com");
        page.button("Create my profile").click();
        page.screen("Dashboard");
        page.waitText(".greeting", "Hi Alice");
        page.waitText("[data-stat=runs]", "0");

        // Two runs: one in km with tags, one in miles.
        page.tab("Runs");
        page.screen("Runs");
        page.visible(".empty");
        page.button("+ Log a run").click();
        page.screen("Log a run");
        page.type("distance", "5.2").date("date", today.minusDays(2).toString()).type("durationSeconds", "0:28:00")
                .type("title", "Park loop").type("mood", "Great").tags("park", "Morning");
        page.type("notes", "Felt light.");
        page.button("Save run").click();
        page.screen("Runs");
        assertThat(page.listTitles(1)).containsExactly("Park loop");

        page.button("+ Log a run").click();
        page.screen("Log a run");
        page.type("distance", "3.1").select("unit", "mi").date("date", today.minusDays(1).toString())
                .type("durationSeconds", "30:00").type("title", "Evening loop").tags("park");
        page.button("Save run").click();
        page.screen("Runs");
        assertThat(page.listTitles(2)).as("newest first").containsExactly("Evening loop", "Park loop");
        assertThat(page.all(".list .tag").stream().map(e -> e.getText()).toList()).containsExactly("park", "morning", "park");

        // A validation error from the API, next to the field it names; nothing stored.
        page.button("+ Log a run").click();
        page.screen("Log a run");
        page.type("distance", "1500").type("title", "Too far");
        page.button("Save run").click();
        assertThat(page.fieldError("distance").getText()).contains("1000");
        assertThat(page.field("distance").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(driver.getCurrentUrl()).endsWith("#/runs/new");
        page.button("Cancel").click();
        page.screen("Runs");
        assertThat(page.listTitles(2)).containsExactly("Evening loop", "Park loop");

        // Filtered by tag.
        page.type("tag", "morning");
        page.button("Filter").click();
        assertThat(page.listTitles(1)).containsExactly("Park loop");
        page.button("Clear").click();
        assertThat(page.listTitles(2)).hasSize(2);

        // A mood.
        page.tab("Moods");
        page.screen("Moods");
        page.button("+ Note a mood").click();
        page.screen("How do you feel?");
        page.type("description", "Motivated").type("note", "Ready for the long run.");
        driver.findElement(By.cssSelector("label[for='level-energy-4']")).click();
        driver.findElement(By.cssSelector("label[for='level-positivity-5']")).click();
        page.button("Save mood").click();
        page.screen("Moods");
        assertThat(page.listTitles(1)).containsExactly("Motivated");
        page.waitText(".list .levels", "Ene 4");

        // The dashboard: the API's numbers and three charts drawn from the data.
        page.tab("Dashboard");
        page.screen("Dashboard");
        page.waitText("[data-stat=runs]", "2");
        // 5.2 km + 3.1 mi (4.989 km) = 10.189 km; the longest is 5.2 km.
        assertThat(page.visible("[data-stat=total]").getText()).isEqualTo("10.2 km");
        assertThat(page.visible("[data-stat=longest]").getText()).isEqualTo("5.2 km");
        assertThat(page.visible("[data-stat=mood]").getText()).isEqualTo("Motivated");
        // 58 minutes over 10.189 km: 5:42 per km.
        assertThat(page.visible("[data-stat=pace]").getText()).isEqualTo("5:42 /km");
        assertThat(page.all("#chart-weeks rect.bar")).isNotEmpty();
        assertThat(page.all("#chart-pace circle.dot")).hasSize(2);
        assertThat(page.all("#chart-moods circle.dot")).hasSize(2);

        // Edit a run.
        page.tab("Runs");
        page.listTitles(2);
        page.item("Park loop").click();
        page.screen("Edit run");
        assertThat(page.field("durationSeconds").getAttribute("value")).isEqualTo("0:28:00");
        page.type("title", "Park loop with hills");
        page.button("Save changes").click();
        page.screen("Runs");
        assertThat(page.listTitles(2)).containsExactly("Evening loop", "Park loop with hills");
        assertThat(StrideServer.ok(sub, "GET", "/users/me/runs", null).at("/items/1/title").asText())
                .isEqualTo("Park loop with hills");

        // Delete a run, after a confirmation.
        page.all(".list .item").get(0).click();
        page.screen("Edit run");
        page.button("Delete…").click();
        page.button("Delete this run").click();
        page.screen("Runs");
        assertThat(page.listTitles(1)).containsExactly("Park loop with hills");
        assertThat(StrideServer.ok(sub, "GET", "/users/me/runs", null).at("/items").size()).isEqualTo(1);

        // Change the profile's email.
        page.tab("Profile");
        page.screen("Profile");
        page.type("email", "alice@runners.example");
        page.button("Save profile").click();
        page.waitText("#toast", "Profile saved.");
        assertThat(StrideServer.ok(sub, "GET", "/users/me", null).path("email").asText()).isEqualTo("alice@runners.example");

        // Delete the account: only once its name is typed; then everything of it is gone.
        long userId = StrideServer.ok(sub, "GET", "/users/me", null).path("id").asLong();
        WebElement delete = page.visible(".danger-zone button[type=submit]");
        page.type("confirm", "Alic");
        assertThat(delete.isEnabled()).isFalse();
        page.type("confirm", "Alice");
        assertThat(delete.isEnabled()).isTrue();
        delete.click();
        page.field("sub");
        page.waitText("#toast", "were deleted");
        assertThat(StrideServer.call(sub, "GET", "/users/me", null).status()).isEqualTo(404);
        assertThat(StrideServer.count("SELECT count(*) FROM runs WHERE user_id = " + userId)).isZero();
        assertThat(StrideServer.count("SELECT count(*) FROM moods WHERE user_id = " + userId)).isZero();
    }
}
