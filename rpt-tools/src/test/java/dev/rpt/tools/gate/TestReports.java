package dev.rpt.tools.gate;

import dev.rpt.api.Judgement;
import dev.rpt.api.Split;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.CaseRecords;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.MetricBounds;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds real run reports: written by {@link RunReportWriter} and read back, as {@code rpt:check} would read them. */
final class TestReports {

    static final String CLASS = "com.example.MathTests";
    static final String SHA = "a".repeat(64);

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path directory;
    private final List<CaseRecord> records = new ArrayList<>();
    private final Map<String, String> shas = new LinkedHashMap<>();
    private OptionalDouble cost = OptionalDouble.of(0);
    private MetricBounds thresholds = MetricBounds.NONE;
    private OptionalDouble minKappa = OptionalDouble.empty();

    TestReports(Path directory) {
        this.directory = directory;
    }

    /** Declares a class (with its prompt's sha256) even if it has no case. */
    private String promptPath = "prompts/math.prompt";

    TestReports prompt(String className, String sha) {
        shas.put(className, sha);
        return this;
    }

    /** The prompt file every class names; {@code prompts/math.prompt} unless changed. */
    TestReports promptPath(String path) {
        this.promptPath = path;
        return this;
    }

    /** The {@code @Thresholds} every class states; none unless set. */
    TestReports thresholds(MetricBounds bounds) {
        this.thresholds = bounds;
        return this;
    }

    /** The {@code @Thresholds(minKappa)} every class states; none unless set. */
    TestReports minKappa(double min) {
        this.minKappa = OptionalDouble.of(min);
        return this;
    }

    TestReports cost(OptionalDouble usd) {
        this.cost = usd;
        return this;
    }

    TestReports passed(String id, double confidence) {
        return add(CLASS, id, Verdict.PASSED, OptionalDouble.of(confidence));
    }

    TestReports failed(String id, double confidence) {
        return add(CLASS, id, Verdict.FAILED, OptionalDouble.of(confidence));
    }

    TestReports errored(String id) {
        return add(CLASS, id, Verdict.ERRORED, OptionalDouble.empty());
    }

    /** {@code count} cases {@code prefix0, prefix1, ...} with the same outcome. */
    TestReports many(String prefix, int from, int to, boolean passed, double confidence) {
        for (int i = from; i < to; i++) {
            add(CLASS, prefix + i, passed ? Verdict.PASSED : Verdict.FAILED, OptionalDouble.of(confidence));
        }
        return this;
    }

    /**
     * A case judged on the criterion {@code polite} at threshold 0.5, whose case file gives a person's verdict on it.
     *
     * @param answer the graded answer
     * @param human the person's verdict
     * @param probability the judge's probability that the answer is polite
     */
    TestReports judged(String id, String answer, boolean human, double probability) {
        shas.putIfAbsent(CLASS, SHA);
        Judgement judgement = new Judgement("polite", "Is polite", probability, 0.5, "it says please");
        Verdict verdict = judgement.met() ? Verdict.PASSED : Verdict.FAILED;
        records.add(CaseRecord.builder(CLASS, "replies", id)
                .split(Split.TUNE)
                .vars(Map.of("message", "where is my parcel", "polite", String.valueOf(human)))
                .verdict(verdict)
                .answer(answer)
                .failure(
                        verdict == Verdict.FAILED
                                ? Optional.of(new CaseRecord.Failure("criterion", "not polite"))
                                : Optional.empty())
                .judgements(List.of(judgement))
                .build());
        return this;
    }

    TestReports add(String className, String id, Verdict verdict, OptionalDouble confidence) {
        shas.putIfAbsent(className, SHA);
        records.add(CaseRecords.of(className, id, verdict, confidence).build());
        return this;
    }

    RunReport build() throws IOException {
        String runId = "run-" + RUNS.incrementAndGet();
        RunHeader header = new RunHeader(runId, Instant.EPOCH, new ModelInfo("sim", "sim", true), new TreeMap<>());
        try (RunReportWriter writer = RunReportWriter.start(directory, header, MetricsOptions.DEFAULTS)) {
            records.forEach(writer::record);
            List<ClassInfo> classes = new ArrayList<>();
            shas.forEach((name, sha) ->
                    classes.add(new ClassInfo(name, promptPath, sha, thresholds, Optional.empty(), minKappa)));
            Path file = writer.finish(
                    classes,
                    new UsageSnapshot(
                            0, 0, 0, Usage.ZERO, Usage.ZERO, cost, cost.isPresent() ? List.of() : List.of("sim")));
            return RunReport.read(file);
        }
    }

    Path lastRun() {
        return directory.resolve(RunReportWriter.LAST_RUN);
    }
}
