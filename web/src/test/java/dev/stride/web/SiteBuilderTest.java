package dev.stride.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.web.support.StrideServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site that goes to the cloud: every asset under one content hash, the pages at the root. */
class SiteBuilderTest {

    private static final Path APP = StrideServer.projectRoot().resolve("web/app");

    @Test
    void build_whenRun_thenIndexPointsAtHashedAssetsThatAllExist(@TempDir Path site) throws IOException {
        String version = SiteBuilder.build(APP, site);

        String index = Files.readString(site.resolve("index.html"));
        Matcher references = Pattern.compile("(?:href|src)=\"([^\"#][^\"]*)\"").matcher(index);
        int count = 0;
        while (references.find()) {
            String reference = references.group(1);
            assertThat(reference).as("every file index.html refers to").startsWith("assets/" + version + "/");
            assertThat(site.resolve(reference)).as(reference).isRegularFile();
            count++;
        }
        assertThat(count).isGreaterThan(5);
        assertThat(site.resolve("config.json")).as("config.json stays at the root, never cached").isRegularFile();
        try (Stream<Path> files = Files.walk(APP.resolve("assets"))) {
            assertThat(files.filter(Files::isRegularFile)
                    .map(f -> site.resolve("assets").resolve(version).resolve(APP.resolve("assets").relativize(f))))
                    .allMatch(Files::isRegularFile);
        }
    }

    @Test
    void build_whenAnAssetChanges_thenItsUrlsChange(@TempDir Path temp) throws IOException {
        Path app = temp.resolve("app");
        Files.createDirectories(app.resolve("assets"));
        Files.writeString(app.resolve("index.html"), "<script type=\"module\" src=\"assets/app.js\"></script>");
        Files.writeString(app.resolve("assets/app.js"), "console.log(1);");
        String first = SiteBuilder.build(app, temp.resolve("site"));
        String again = SiteBuilder.build(app, temp.resolve("site"));
        Files.writeString(app.resolve("assets/app.js"), "console.log(2);");
        String changed = SiteBuilder.build(app, temp.resolve("site"));

        assertThat(again).as("same content, same URLs").isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
        assertThat(Files.readString(temp.resolve("site/index.html"))).contains("src=\"assets/" + changed + "/app.js\"");
        assertThat(temp.resolve("site/assets/" + first)).as("a rebuild leaves no stale assets").doesNotExist();
    }
}
