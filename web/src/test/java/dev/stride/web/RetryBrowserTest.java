package dev.stride.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.web.support.Browsers;
import dev.stride.web.support.FlakyProxy;
import dev.stride.web.support.Page;
import dev.stride.web.support.ScreenshotOnFailure;
import dev.stride.web.support.StrideServer;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Creates over a network that loses answers: the run reaches the server, the answer never reaches
 * the browser. The app retries with the same Idempotency-Key, so the run is stored once; when
 * every answer is lost it tells the user, and their "Save" later still stores it only once.
 */
@ExtendWith(ScreenshotOnFailure.class)
class RetryBrowserTest {

    private ChromeDriver driver;
    private FlakyProxy proxy;

    @AfterEach
    void close() {
        Browsers.close(driver);
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void create_whenFirstAnswerLost_thenRetriedWithSameKeyAndStoredOnce() throws Exception {
        String sub = signedInThroughProxy();
        proxy.dropAnswers(e -> e.getRequestMethod().equals("POST") && proxy.dropped() == 0);

        logRun("7.3", "Lost answer");
        page().screen("Runs");
        assertThat(page().listTitles(1)).containsExactly("Lost answer");

        assertThat(proxy.dropped()).isEqualTo(1);
        assertThat(proxy.postKeys).hasSizeGreaterThanOrEqualTo(2);
        assertThat(new HashSet<>(proxy.postKeys)).as("one key for every attempt").hasSize(1);
        assertThat(StrideServer.ok(sub, "GET", "/users/me/runs", null).path("items").size()).isEqualTo(1);
    }

    @Test
    void create_whenEveryAnswerLost_thenUserToldAndLaterSaveStoresOnce() throws Exception {
        String sub = signedInThroughProxy();
        proxy.dropAnswers(e -> e.getRequestMethod().equals("POST"));

        logRun("4.2", "Bad signal");
        page().waitText(".form-alert", "Not saved");
        assertThat(page().visible(".form-alert").getText()).contains("press Save again");
        // The first attempt and three retries (Chromium itself also repeats a POST once when a reused
        // connection drops before any answer, so there may be more).
        assertThat(proxy.dropped()).isGreaterThanOrEqualTo(4);

        proxy.dropAnswers(e -> false);
        page().button("Save run").click();
        page().screen("Runs");
        assertThat(page().listTitles(1)).containsExactly("Bad signal");
        Set<String> keys = new HashSet<>(proxy.postKeys);
        assertThat(keys).as("the user's retry reuses the key").hasSize(1);
        assertThat(StrideServer.ok(sub, "GET", "/users/me/runs", null).path("items").size()).isEqualTo(1);
    }

    private Page page;

    private Page page() {
        return page;
    }

    private String signedInThroughProxy() throws Exception {
        String sub = "retry-" + System.nanoTime();
        StrideServer.ok(sub, "POST", "/users", Map.of("username", "Cy", "email", sub + "@example.com"));
        proxy = new FlakyProxy(StrideServer.url());
        driver = Browsers.desktop();
        page = new Page(driver).open(proxy.url() + "/#/runs/new");
        page.signIn(sub);
        page.screen("Log a run");
        return sub;
    }

    private void logRun(String distance, String title) {
        page.type("distance", distance).type("title", title);
        page.button("Save run").click();
    }
}
