package dev.rpt.tools.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.tools.record.TuneRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneRecordTests {

    @TempDir
    Path dir;

    @Test
    void readsTheTrajectoryAndEachIterationsFiles() throws IOException {
        TuneRecord record = TuneRecord.read(ReportFixtures.tune(dir.resolve("t1")));

        assertThat(record.bestIteration()).isEqualTo(3);
        assertThat(record.written()).isTrue();
        assertThat(record.stopReason()).isEqualTo("3 evaluations in a row did not beat the best");
        assertThat(record.iterations())
                .extracting(TuneRecord.Iteration::iteration)
                .containsExactly(1, 2, 3);
        TuneRecord.Iteration first = record.iterations().get(0);
        assertThat(first.holdout().accuracy()).hasValue(0.5);
        assertThat(first.holdout().accuracyCi())
                .hasValueSatisfying(ci -> assertThat(ci.upper()).isEqualTo(0.95));
        assertThat(first.tune().ece()).hasValue(0.42);
        assertThat(first.failureModes())
                .extracting(TuneRecord.Mode::label)
                .containsExactly("answer holds several numbers", "wrong final number");
        assertThat(first.failureModes().get(0).examples()).containsExactly("gsm-03", "gsm-11", "gsm-17");
        assertThat(first.diff()).as("a blank diff is no diff").isEmpty();
        assertThat(first.patch()).as("the seed was produced by no patch").isEmpty();
    }

    @Test
    void thePatchOfAnIterationIsTheDecisionStoredWithTheIterationBefore() throws IOException {
        TuneRecord record = TuneRecord.read(ReportFixtures.tune(dir.resolve("t1")));

        TuneRecord.Iteration second = record.iterations().get(1);
        assertThat(second.patch()).hasValueSatisfying(patch -> {
            assertThat(patch.targets()).containsExactly("answer holds several numbers");
            assertThat(patch.rationale()).isEqualTo("Ask for one final number.");
        });
        assertThat(second.diff())
                .hasValueSatisfying(diff -> assertThat(diff).contains(ReportFixtures.SCRIPT_DIFF_LINE));
        assertThat(record.iterations().get(2).patch())
                .hasValueSatisfying(patch -> assertThat(patch.targets()).containsExactly("wrong final number"));
        assertThat(record.iterations().get(2).failureModes()).isEmpty();
    }

    @Test
    void aDirectoryWithoutSummaryIsRejectedWithTheFixNamed() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("nothing"));

        assertThatThrownBy(() -> TuneRecord.read(empty))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(empty.toString())
                .hasMessageContaining("summary.json")
                .hasMessageContaining("mvn rpt:tune");
    }

    @Test
    void malformedJsonNamesTheFileAndLine() throws IOException {
        Path tune = ReportFixtures.tune(dir.resolve("t1"));
        Files.writeString(tune.resolve("iteration-02/diagnostic.json"), "{\n\"failureModes\": [");

        assertThatThrownBy(() -> TuneRecord.read(tune))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(
                        tune.resolve("iteration-02/diagnostic.json").toString())
                .hasMessageContaining("line 2");
    }

    @Test
    void latestIsTheTuneWhoseSummaryWasWrittenLast() throws IOException {
        assertThat(TuneRecord.latest(dir)).isEmpty();
        Path older = ReportFixtures.tune(dir.resolve("tune/b-older"));
        Path newer = ReportFixtures.tune(dir.resolve("tune/a-newer"));
        Files.createDirectories(dir.resolve("tune/unfinished"));
        Files.setLastModifiedTime(older.resolve("summary.json"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        Files.setLastModifiedTime(newer.resolve("summary.json"), FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));

        assertThat(TuneRecord.latest(dir)).contains(newer);
    }
}
