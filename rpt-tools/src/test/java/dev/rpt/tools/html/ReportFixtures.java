package dev.rpt.tools.html;

import dev.rpt.api.Split;
import dev.rpt.api.Usage;
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
import dev.rpt.core.verdict.VerdictSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Writes real run reports (through {@link RunReportWriter}) and tune records (in the shape {@code TuneRecorder}
 * writes) for the HTML report tests.
 */
final class ReportFixtures {

    static final String MATH = "dev.example.MathSolverTests";
    static final String SCRIPT_ANSWER = "<script>alert(1)</script>";
    static final String SCRIPT_DIFF_LINE = "+Answer with </pre><script>alert(2)</script> only.";
    static final String SHA = "3b9c2a0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08aa00aa00aa00aa00a";

    private ReportFixtures() {}

    /**
     * One class, {@link #MATH}: on the tune split three passed cases (confidence 0.9, 0.8, 0.95) and one failed (0.9,
     * answer {@link #SCRIPT_ANSWER}); on the held-out split one passed (0.7), one failed (0.6) and one errored. So the
     * tune split has accuracy 3/4 = 75.0% and Brier (0.01 + 0.04 + 0.0025 + 0.81) / 4 = 0.216; both splits together
     * 4/6 = 66.7%.
     */
    static List<CaseRecord> mathCases() {
        return List.of(
                passed(MATH, "gsm-01", Split.TUNE, 0.9),
                passed(MATH, "gsm-02", Split.TUNE, 0.8),
                passed(MATH, "gsm-03", Split.TUNE, 0.95),
                failed(MATH, "gsm-04", Split.TUNE, SCRIPT_ANSWER, OptionalDouble.of(0.9)),
                passed(MATH, "gsm-05", Split.HOLDOUT, 0.7),
                failed(MATH, "q&a-<6>", Split.HOLDOUT, "17", OptionalDouble.of(0.6)),
                errored(MATH, "gsm-07", Split.HOLDOUT));
    }

    /** Writes a finished run of {@code cases} (all of class {@link #MATH}) into {@code dir} and reads it back. */
    static RunReport run(Path dir, boolean simulated, List<CaseRecord> cases) throws IOException {
        return run(
                dir,
                simulated,
                cases,
                List.of(new ClassInfo(
                        MATH, "prompts/math-solver.prompt", SHA, MetricBounds.of(0.8, 0.1, Double.NaN, Double.NaN))));
    }

    /** Writes a finished run of {@code cases} of the given {@code classes}, in that order, and reads it back. */
    static RunReport run(Path dir, boolean simulated, List<CaseRecord> cases, List<ClassInfo> classes)
            throws IOException {
        return run(dir, simulated, cases, classes, VerdictSettings.DEFAULTS);
    }

    /** As {@link #run(Path, boolean, List, List)}, with the verdicts decided with {@code verdicts}. */
    static RunReport run(
            Path dir, boolean simulated, List<CaseRecord> cases, List<ClassInfo> classes, VerdictSettings verdicts)
            throws IOException {
        RunHeader header = new RunHeader(
                "20260102-030405-a1b2",
                Instant.parse("2026-01-02T03:04:05Z"),
                simulated ? new ModelInfo("sim", "math", true) : new ModelInfo("openai", "gpt-4.1-mini", false),
                RunHeader.redact(Map.of("rpt.provider", simulated ? "sim" : "openai")));
        try (RunReportWriter writer = RunReportWriter.start(dir, header, verdicts)) {
            cases.forEach(writer::record);
            writer.finish(
                    classes,
                    new UsageSnapshot(
                            cases.size(),
                            0,
                            0,
                            Usage.of(100, 50),
                            Usage.ZERO,
                            OptionalDouble.empty(),
                            List.of(header.model().model())));
        }
        return RunReport.read(dir.resolve(RunReportWriter.LAST_RUN));
    }

    /**
     * Six answers of {@link #MATH} a person labelled for the criterion {@code polite}: the judge agrees on five (it
     * calls j-5 met, the person did not), so the agreement is 5/6 and Cohen's kappa 0.667.
     */
    static List<CaseRecord> judgedCases() {
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CaseRecord passed = passed(MATH, "j-" + i, Split.TUNE, 0.9);
            boolean human = i < 3;
            double probability = i < 3 || i == 5 ? 0.9 : 0.1;
            cases.add(CaseRecord.builder(passed.className(), passed.method(), passed.id())
                    .split(passed.split())
                    .vars(Map.of("question", "q-" + i, "polite", String.valueOf(human)))
                    .verdict(passed.verdict())
                    .answer(passed.answer())
                    .confidence(passed.confidence())
                    .usage(passed.usage())
                    .latencyMs(1)
                    .judgements(List.of(new dev.rpt.api.Judgement("polite", "Is polite", probability, 0.5, "reason")))
                    .build());
        }
        return cases;
    }

    /** {@code count} failed cases with distinct confidences, for the cap on the failures table. */
    static List<CaseRecord> manyFailures(int count) {
        List<CaseRecord> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            cases.add(failed(
                    MATH,
                    String.format("many-%03d", i),
                    Split.TUNE,
                    "wrong " + i,
                    OptionalDouble.of(i / (double) count)));
        }
        return cases;
    }

    /**
     * A tune record of three iterations as the tuner writes it: iteration 1 is the seed; the PATCH after it (in
     * iteration-01/decision.json) targets "answer holds several numbers" and produced iteration 2, whose diff carries
     * {@link #SCRIPT_DIFF_LINE}; the PATCH after iteration 2 targets "wrong final number" and produced iteration 3,
     * the best. Held-out accuracy 0.5, 0.7, 0.8; ECE 0.4, 0.2, 0.1; Brier 0.35, 0.22, 0.15.
     */
    static Path tune(Path dir) throws IOException {
        Files.createDirectories(dir);
        double[] accuracy = {0.5, 0.7, 0.8};
        double[] ece = {0.4, 0.2, 0.1};
        double[] brier = {0.35, 0.22, 0.15};
        StringBuilder iterations = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            iterations
                    .append(i == 0 ? "" : ",")
                    .append(String.format(
                            java.util.Locale.ROOT,
                            "{\"iteration\": %d,"
                                    + " \"tune\": {\"n\": 20, \"accuracy\": %.2f, \"accuracyCi\": [0.3, 0.9],"
                                    + " \"ece\": %.2f, \"brier\": %.2f},"
                                    + " \"holdout\": {\"n\": 10, \"accuracy\": %.2f, \"accuracyCi\": [0.2, 0.95],"
                                    + " \"ece\": %.2f, \"brier\": %.2f},"
                                    + " \"holdoutScore\": 0.5, \"failureModes\": [\"wrong final number\"]}",
                            i + 1,
                            accuracy[i] + 0.05,
                            ece[i] + 0.02,
                            brier[i] + 0.01,
                            accuracy[i],
                            ece[i],
                            brier[i]));
        }
        write(
                dir.resolve("summary.json"),
                "{\"stopReason\": \"3 evaluations in a row did not beat the best\", \"seedIteration\": 1,"
                        + " \"bestIteration\": 3, \"written\": true, \"brierWeight\": 0.05, \"iterations\": ["
                        + iterations + "], \"usage\": {\"calls\": 9, \"cachedCalls\": 0, \"tokens\": 900,"
                        + " \"costUsd\": null}}");
        Path one = Files.createDirectories(dir.resolve("iteration-01"));
        write(one.resolve("prompt.prompt"), "seed");
        write(one.resolve("diff.patch"), "");
        write(
                one.resolve("diagnostic.json"),
                "{\"schemaVersion\": 1, \"iteration\": 1, \"failureModes\": ["
                        + "{\"label\": \"answer holds several numbers\", \"definition\": \"The answer states more than"
                        + " one number <b>.\", \"count\": 14, \"prevalence\": 0.5186, \"examples\": [\"gsm-03\","
                        + " \"gsm-11\", \"gsm-17\"]},"
                        + "{\"label\": \"wrong final number\", \"definition\": \"The final number is miscalculated.\","
                        + " \"count\": 9, \"prevalence\": 0.3333, \"examples\": [\"gsm-02\"]}]}");
        write(
                one.resolve("decision.json"),
                "{\"decision\": \"PATCH\", \"rationale\": \"Ask for one final number.\", \"targets\":"
                        + " [\"answer holds several numbers\"], \"system\": \"s\", \"user\": \"u\"}");
        Path two = Files.createDirectories(dir.resolve("iteration-02"));
        write(
                two.resolve("diff.patch"),
                "--- prompt.prompt\n+++ prompt.prompt\n@@ -1,2 +1,2 @@\n You solve math problems.\n"
                        + "-Answer briefly.\n" + SCRIPT_DIFF_LINE + "\n");
        write(
                two.resolve("diagnostic.json"),
                "{\"schemaVersion\": 1, \"iteration\": 2, \"failureModes\": [{\"label\": \"wrong final number\","
                        + " \"definition\": \"The final number is miscalculated.\", \"count\": 6,"
                        + " \"prevalence\": 1.0, \"examples\": [\"gsm-08\", \"gsm-21\"]}]}");
        write(
                two.resolve("decision.json"),
                "{\"decision\": \"PATCH\", \"rationale\": \"Check the arithmetic.\", \"targets\":"
                        + " [\"wrong final number\"], \"system\": \"s\", \"user\": \"u\"}");
        Path three = Files.createDirectories(dir.resolve("iteration-03"));
        write(three.resolve("diff.patch"), "--- prompt.prompt\n+++ prompt.prompt\n@@ -2 +2 @@\n+Check each step.\n");
        write(three.resolve("diagnostic.json"), "{\"schemaVersion\": 1, \"iteration\": 3, \"failureModes\": []}");
        return dir;
    }

    static CaseRecord passed(String className, String id, Split split, double confidence) {
        return CaseRecords.base(className, id, split)
                .verdict(Verdict.PASSED)
                .answer("42")
                .confidence(confidence)
                .usage(Usage.of(10, 5))
                .latencyMs(12)
                .build();
    }

    static CaseRecord failed(String className, String id, Split split, String answer, OptionalDouble confidence) {
        return CaseRecords.base(className, id, split)
                .verdict(Verdict.FAILED)
                .answer(answer)
                .confidence(confidence)
                .failure(Optional.of(new CaseRecord.Failure(
                        "value", "Expected the number 18, but the model answered \"" + answer + "\"")))
                .usage(Usage.of(10, 5))
                .latencyMs(12)
                .build();
    }

    static CaseRecord errored(String className, String id, Split split) {
        return CaseRecords.errored(className, id, split);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
