package dev.stride.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.web.support.Browsers;
import dev.stride.web.support.Page;
import dev.stride.web.support.Scene;
import dev.stride.web.support.ScreenshotOnFailure;
import dev.stride.web.support.StrideServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The main screens with a few months of data, at desktop width and at a 360 px phone width: on
 * the phone no screen scrolls sideways. Each screen is saved as target/screenshots/*.png; with
 * -Dweb.screenshots=docs they also replace the ones docs/web.md shows (docs/web/).
 */
@ExtendWith(ScreenshotOnFailure.class)
class ScreensBrowserTest {

    private static final String SUB = "sam-" + (1000 + new Random().nextInt(9000));
    private static final List<String> SCREENS = List.of("#/dashboard", "#/runs", "#/runs/new", "#/moods", "#/moods/new", "#/profile");

    @BeforeAll
    static void scene() {
        Browsers.assumeInstalled();
        Scene.runner(SUB, "Sam", 10);
    }

    @Test
    void phone_whenEveryMainScreenShown_thenNothingScrollsSideways() {
        ChromeDriver driver = Browsers.phone();
        try {
            Page page = new Page(driver).open(StrideServer.url() + "/");
            page.field("sub");
            assertThat(page.script("return window.innerWidth")).isEqualTo(360L);
            assertNoSidewaysScroll(page, "sign-in");
            save(page, "phone-signin");
            page.signIn(SUB);
            for (String screen : SCREENS) {
                show(page, screen);
                assertNoSidewaysScroll(page, screen);
                if (!screen.equals("#/profile")) {
                    save(page, "phone-" + name(screen));
                }
            }
        } finally {
            Browsers.close(driver);
        }
    }

    @Test
    void desktop_whenMainScreensShown_thenEachIsSaved() {
        ChromeDriver driver = Browsers.desktop();
        try {
            // Tall enough for the whole dashboard, charts included.
            driver.manage().window().setSize(new Dimension(1280, 1200));
            Page page = new Page(driver).open(StrideServer.url() + "/");
            page.field("sub");
            save(page, "desktop-signin");
            page.signIn(SUB);
            for (String screen : SCREENS) {
                show(page, screen);
                if (screen.equals("#/runs/new")) {
                    page.type("distance", "8.4").type("durationSeconds", "0:44:10").type("title", "Tempo along the river")
                            .type("mood", "Strong").tags("river", "tempo");
                }
                save(page, "desktop-" + name(screen));
            }
        } finally {
            Browsers.close(driver);
        }
    }

    @Test
    void runs_whenMoreThanAPage_thenShowMoreFollowsTheCursorNewestFirst() {
        int total = StrideServer.ok(SUB, "GET", "/users/me/dashboard", null).path("totalRuns").asInt();
        ChromeDriver driver = Browsers.desktop();
        try {
            Page page = new Page(driver).open(StrideServer.url() + "/#/runs");
            page.signIn(SUB);
            page.screen("Runs");
            page.until(d -> page.all(".list .item").size() == 20);
            for (int shown = 20; shown < total; shown = Math.min(total, shown + 20)) {
                page.button("Show more").click();
                int expected = Math.min(total, shown + 20);
                page.until(d -> page.all(".list .item").size() == expected);
            }
            assertThat(page.all("main button").stream().filter(b -> b.getText().equals("Show more") && b.isDisplayed()))
                    .as("no more pages").isEmpty();
            List<String> ids = page.all(".list .item").stream().map(e -> e.getAttribute("href").replaceAll(".*/", "")).toList();
            List<String> expected = new ArrayList<>();
            String cursor = null;
            do {
                var answer = StrideServer.ok(SUB, "GET", "/users/me/runs?limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), null);
                answer.path("items").forEach(run -> expected.add(run.path("id").asText()));
                cursor = answer.path("nextCursor").isNull() ? null : answer.path("nextCursor").asText();
            } while (cursor != null);
            assertThat(ids).as("every run once, in the API's order (newest first)").containsExactlyElementsOf(expected);
        } finally {
            Browsers.close(driver);
        }
    }

    private static void show(Page page, String screen) {
        page.script("location.hash = arguments[0]", screen);
        page.screen(Map.of("#/dashboard", "Dashboard", "#/runs", "Runs", "#/runs/new", "Log a run", "#/moods", "Moods",
                "#/moods/new", "How do you feel?", "#/profile", "Profile").get(screen));
        if (screen.equals("#/dashboard")) {
            page.until(d -> !page.all("#chart-moods circle.dot").isEmpty() && !page.all("#chart-weeks rect.bar").isEmpty());
        } else if (screen.equals("#/runs") || screen.equals("#/moods")) {
            page.until(d -> page.all(".list .item").size() >= 20);
        }
        page.script("document.activeElement && document.activeElement.blur()");
    }

    private static void assertNoSidewaysScroll(Page page, String screen) {
        Object widths = page.script("return [document.documentElement.scrollWidth, document.body.scrollWidth,"
                + " window.innerWidth, Math.max(...[...document.querySelectorAll('main *')].map(e => e.getBoundingClientRect().right))]");
        List<?> w = (List<?>) widths;
        long inner = ((Number) w.get(2)).longValue();
        assertThat(((Number) w.get(0)).longValue()).as(screen + ": page width").isLessThanOrEqualTo(inner);
        assertThat(((Number) w.get(1)).longValue()).as(screen + ": body width").isLessThanOrEqualTo(inner);
        assertThat(((Number) w.get(3)).doubleValue()).as(screen + ": rightmost element edge").isLessThanOrEqualTo(inner);
    }

    private static String name(String screen) {
        return screen.substring(2).replace("/", "-");
    }

    private static void save(Page page, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        Browsers.save(page.driver(), file);
        if ("docs".equals(System.getProperty("web.screenshots"))) {
            try {
                Path docs = StrideServer.projectRoot().resolve("docs/web");
                Files.createDirectories(docs);
                Files.copy(file, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException("cannot copy " + file + " to docs/web", e);
            }
        }
    }
}
