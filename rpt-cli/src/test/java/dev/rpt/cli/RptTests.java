package dev.rpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.CaseRecords;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.MetricBounds;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a CI job calls it: its exit codes and what it says, on run reports the real writer wrote. */
class RptTests {

    @TempDir
    Path project;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream previousOut;
    private PrintStream previousErr;

    @BeforeEach
    void capture() {
        previousOut = System.out;
        previousErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(previousOut);
        System.setErr(previousErr);
    }

    @Test
    void withoutACommandItPrintsTheCommandsAndExits2() {
        assertThat(Rpt.run()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).contains("tune", "diagnose", "estimate", "check", "baseline");
    }

    @Test
    void anUnknownOptionOrANonRptKeyIsBadInput() {
        assertThat(Rpt.run("check", "--frobnicate")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).contains("Unknown option: '--frobnicate'");

        assertThat(Rpt.run("check", "--project", project.toString(), "-Dfoo=bar"))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).contains("-Dfoo is not an rpt key");
    }

    @Test
    void checkWithoutARunReportSaysHowToGetOneAndExits2() {
        assertThat(Rpt.run("check", "--project", project.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err())
                .contains("No run report at " + project.resolve("target/rpt/last-run.json"))
                .contains("run the prompt tests first (mvn test, gradle test)");
    }

    @Test
    void checkExits0WhenTheRunPassesAnd1WhenItDoesNot() throws IOException {
        lastRun(project.resolve("build/rpt"), 3, 1, 0.5);

        assertThat(Rpt.run("check", "--project", project.toString(), "--build-dir", "build"))
                .isEqualTo(ExitCode.PASSED);
        assertThat(out())
                .contains("rpt check passed: 1 prompt test classes")
                .contains("with rpt baseline and commit it")
                .contains("HTML report: ")
                .contains("Summary: ")
                .as("the command line's users are told its commands, not Maven goals")
                .doesNotContain("rpt:")
                .doesNotContain("mvn ");
        assertThat(project.resolve("build/rpt/summary.md"))
                .content()
                .startsWith("## rpt check passed")
                .doesNotContain("rpt:");

        lastRun(project.resolve("build/rpt"), 1, 3, 0.9);

        assertThat(Rpt.run("check", "--project", project.toString(), "--build-dir", "build"))
                .isEqualTo(ExitCode.FAILED);
        assertThat(err()).contains("accuracy");
        assertThat(Rpt.run("check", "--project", project.toString(), "--build-dir", "build", "--no-halt"))
                .isEqualTo(ExitCode.PASSED);
    }

    @Test
    void baselineWritesTheFileCheckComparesWith() throws IOException {
        lastRun(project.resolve("target/rpt"), 3, 1, 0.5);

        assertThat(Rpt.run("baseline", "--project", project.toString())).isEqualTo(ExitCode.PASSED);

        assertThat(project.resolve("src/test/rpt/baseline.json")).isNotEmptyFile();
        assertThat(out()).contains("Commit it: rpt check compares every build with it.");
        assertThat(Rpt.run("check", "--project", project.toString())).isEqualTo(ExitCode.PASSED);
        assertThat(out()).contains("accuracy ok: baseline");
    }

    @Test
    void reportWritesTheHtmlReportOfTheLastRun() throws IOException {
        lastRun(project.resolve("target/rpt"), 3, 1, 0.5);

        assertThat(Rpt.run("report", "--project", project.toString())).isEqualTo(ExitCode.PASSED);

        assertThat(project.resolve("target/rpt/report.html")).content().contains("MathTests");
    }

    @Test
    void cacheSurveysTheProjectsCacheAndRefusesPruneWithClear() {
        assertThat(Rpt.run("cache", "--project", project.toString(), "-Drpt.cache.dir=" + project.resolve("cache")))
                .isEqualTo(ExitCode.PASSED);
        assertThat(out()).contains("Response cache " + project.resolve("cache"));

        assertThat(Rpt.run("cache", "--project", project.toString(), "--prune", "30d", "--clear"))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).contains("Give --prune or --clear, not both");
    }

    @Test
    void tuneWithoutCompiledTestClassesIsBadInput() {
        assertThat(Rpt.run("tune", "--project", project.toString(), "--classpath", ""))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).contains("There are no compiled test classes in " + project.resolve("target/test-classes"));
    }

    @Test
    void aMissingClassPathEntryIsNamed() throws IOException {
        Files.createDirectories(project.resolve("target/test-classes"));
        Files.writeString(
                project.resolve("cp.txt"), project.resolve("lib/gone.jar").toString());

        assertThat(Rpt.run("estimate", "--project", project.toString(), "--classpath", "@cp.txt"))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err()).contains("The class path entry " + project.resolve("lib/gone.jar") + " does not exist");
    }

    /** A finished run of one class with {@code passed} right and {@code failed} wrong answers, at {@code minAccuracy}. */
    private static void lastRun(Path reports, int passed, int failed, double minAccuracy) throws IOException {
        RunHeader header = new RunHeader(
                "run-" + passed + "-" + failed, Instant.EPOCH, new ModelInfo("sim", "sim", true), new TreeMap<>());
        try (RunReportWriter writer = RunReportWriter.start(reports, header, MetricsOptions.DEFAULTS)) {
            for (int i = 0; i < passed + failed; i++) {
                Verdict verdict = i < passed ? Verdict.PASSED : Verdict.FAILED;
                writer.record(CaseRecords.of("com.example.MathTests", "q" + i, verdict, OptionalDouble.of(0.9))
                        .build());
            }
            writer.finish(
                    List.of(new ClassInfo(
                            "com.example.MathTests",
                            "prompts/math.prompt",
                            "a".repeat(64),
                            MetricBounds.of(minAccuracy, Double.NaN, Double.NaN, Double.NaN))),
                    UsageSnapshot.NONE);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
