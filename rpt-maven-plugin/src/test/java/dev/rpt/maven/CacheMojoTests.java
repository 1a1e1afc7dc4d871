package dev.rpt.maven;

import static dev.rpt.maven.MojoFixtures.inProject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rpt:cache} as Maven configures it from {@code src/test/resources/unit/cache/pom.xml}. */
@MojoTest
class CacheMojoTests {

    private static final String POM = "src/test/resources/unit/cache/pom.xml";
    private static final String YOUNG = "a".repeat(64);
    private static final String OLD = "b".repeat(64);

    @TempDir
    Path project;

    /** A project whose {@code rpt.cache.dir} is {@code rpt-cache}, with an entry of today and one of 40 days ago. */
    private RecordingLog withCache(CacheMojo mojo) throws IOException {
        RecordingLog log = inProject(mojo, project);
        mojo.properties = Map.of("rpt.cache.dir", "rpt-cache");
        entry(YOUNG, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        entry(OLD, Instant.now().minus(40, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        return log;
    }

    /** An entry as the cache writes it; the checksum does not matter to the goal. */
    private void entry(String key, Instant writtenAt) throws IOException {
        Path file = entryFile(key);
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                "{\"format\": 2, \"key\": \"" + key + "\", \"writtenAt\": \"" + writtenAt + "\", \"responseSha256\":"
                        + " \"x\", \"response\": {\"text\": \"4\"}}");
    }

    private Path entryFile(String key) {
        return project.resolve("rpt-cache").resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    @Test
    @InjectMojo(goal = "cache", pom = POM)
    void showsTheSizeAndAgesOfTheProjectsCache(CacheMojo mojo) throws Exception {
        RecordingLog log = withCache(mojo);

        mojo.execute();

        assertThat(log.text())
                .contains("Response cache " + project.resolve("rpt-cache"))
                .contains("2 entries, ")
                .contains("(oldest 40 days ago, newest less than an hour ago)")
                .contains("under 1 day: 1")
                .contains("30 to 90 days: 1");
        assertThat(entryFile(OLD)).exists();
    }

    @Test
    @InjectMojo(goal = "cache", pom = POM)
    @MojoParameter(name = "prune", value = "30d")
    void prunesEntriesOlderThanAnAge(CacheMojo mojo) throws Exception {
        RecordingLog log = withCache(mojo);

        mojo.execute();

        assertThat(entryFile(OLD)).doesNotExist();
        assertThat(entryFile(YOUNG)).exists();
        assertThat(log.text())
                .contains("removed 1 entry (")
                .contains("older than 30d")
                .contains("1 entry, ");
    }

    @Test
    @InjectMojo(goal = "cache", pom = POM)
    @MojoParameter(name = "clear", value = "true")
    void clearsTheWholeCache(CacheMojo mojo) throws Exception {
        RecordingLog log = withCache(mojo);

        mojo.execute();

        assertThat(entryFile(OLD)).doesNotExist();
        assertThat(entryFile(YOUNG)).doesNotExist();
        assertThat(log.text()).contains("Cleared the response cache").contains("removed 2 entries (");
    }

    @Test
    @InjectMojo(goal = "cache", pom = POM)
    @MojoParameter(name = "prune", value = "a month")
    void aBadAgeNamesTheParameterAndTheForm(CacheMojo mojo) throws Exception {
        withCache(mojo);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("rpt.cache.prune")
                .hasMessageContaining("'a month'")
                .hasMessageContaining("30d, 12h or P30D");
        assertThat(entryFile(OLD)).exists();
    }
}
