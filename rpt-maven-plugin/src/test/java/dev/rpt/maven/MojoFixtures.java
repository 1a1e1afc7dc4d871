package dev.rpt.maven;

import static org.mockito.Mockito.when;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.CaseRecords;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.MetricBounds;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.maven.model.Build;
import org.apache.maven.project.MavenProject;

/**
 * What the harness leaves to the test: a real project directory for the mojo (the harness injects mocks for {@code
 * ${project}} and {@code ${session}}), and run reports written by the real writer, as the test phase would.
 */
final class MojoFixtures {

    static final String CLASS = "com.example.MathTests";

    private MojoFixtures() {}

    /** Points the mojo at {@code directory} as its project, with no user properties, and records its log. */
    static RecordingLog inProject(AbstractRptMojo mojo, Path directory) {
        MavenProject project = new MavenProject();
        project.setFile(directory.resolve("pom.xml").toFile());
        Build build = new Build();
        build.setDirectory(directory.resolve("target").toString());
        build.setTestOutputDirectory(directory.resolve("target/test-classes").toString());
        project.getModel().setBuild(build);
        mojo.project = project;
        when(mojo.session.getUserProperties()).thenReturn(new Properties());
        RecordingLog log = new RecordingLog();
        mojo.setLog(log);
        return log;
    }

    /** Writes {@code target/rpt/last-run.json}: {@code passed} passing cases, then {@code failed} failing ones. */
    static void lastRun(Path directory, int passed, int failed, int errored) throws IOException {
        RunHeader header = new RunHeader(
                "run-" + passed + "-" + failed, Instant.EPOCH, new ModelInfo("sim", "sim", true), new TreeMap<>());
        try (RunReportWriter writer =
                RunReportWriter.start(directory.resolve("target/rpt"), header, MetricsOptions.DEFAULTS)) {
            for (int i = 0; i < passed + failed + errored; i++) {
                Verdict verdict = i < passed ? Verdict.PASSED : i < passed + failed ? Verdict.FAILED : Verdict.ERRORED;
                writer.record(CaseRecords.of(CLASS, "q" + i, verdict, OptionalDouble.of(0.9))
                        .build());
            }
            writer.finish(
                    // A class judged as a whole (any accuracy will do), as a class with @Thresholds; errored cases
                    // are allowed, so that each test decides what errors mean through the rules it configures.
                    List.of(new ClassInfo(
                            CLASS,
                            "prompts/math.prompt",
                            "a".repeat(64),
                            MetricBounds.of(0.0, Double.NaN, Double.NaN, 1.0))),
                    UsageSnapshot.NONE);
        }
    }
}
