package dev.rpt.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.CachedAnswers;
import dev.rpt.core.model.runtime.UsageSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run report says when the answers a run took from the response cache were written, and reads it back. */
class RunReportCachedAnswersTests {

    private static final Instant OLDEST = Instant.parse("2026-11-02T08:00:00Z");
    private static final Instant NEWEST = Instant.parse("2026-11-05T17:30:00Z");

    @TempDir
    Path dir;

    private Path write(UsageSnapshot usage) throws IOException {
        RunHeader header =
                new RunHeader("run-1", Instant.EPOCH, new ModelInfo("openai", "gpt-x", false), new TreeMap<>());
        try (RunReportWriter writer = RunReportWriter.start(dir, header, MetricsOptions.DEFAULTS)) {
            writer.finish(List.of(), usage);
        }
        return dir.resolve(RunReportWriter.LAST_RUN);
    }

    private static UsageSnapshot cached(CachedAnswers answers) {
        return new UsageSnapshot(
                184,
                184,
                0,
                Usage.ZERO,
                Usage.of(1840, 184),
                OptionalDouble.of(0),
                List.of(),
                OptionalDouble.of(0.5),
                answers);
    }

    @Test
    void statesHowManyCachedAnswersAndFromWhenAndReadsThemBack() throws IOException {
        CachedAnswers answers = new CachedAnswers(184, Optional.of(OLDEST), Optional.of(NEWEST), 4, 10);

        Path report = write(cached(answers));

        JsonNode field =
                new ObjectMapper().readTree(report.toFile()).get("usage").get("cachedAnswers");
        assertThat(field.get("count").asLong()).isEqualTo(184);
        assertThat(field.get("oldest").asText()).isEqualTo("2026-11-02T08:00:00Z");
        assertThat(field.get("newest").asText()).isEqualTo("2026-11-05T17:30:00Z");
        assertThat(field.get("undated").asLong()).isEqualTo(4);
        assertThat(field.get("olderThanMaxAge").asLong()).isEqualTo(10);
        assertThat(RunReport.read(report).usage().cachedAnswers()).isEqualTo(answers);
    }

    @Test
    void isLeftOutWhenNothingCameFromTheCacheAndAnOlderReportReadsAsUnknown() throws IOException {
        Path report = write(UsageSnapshot.NONE);

        assertThat(Files.readString(report)).doesNotContain("cachedAnswers");
        assertThat(RunReport.read(report).usage().cachedAnswers()).isEqualTo(CachedAnswers.NONE);
    }
}
