package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Split;
import dev.rpt.chat.Role;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.protocol.DiagnosticReportFormat;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import dev.rpt.tools.diagnose.ConfidenceCounts;
import dev.rpt.tools.diagnose.DiagnosticReport;
import dev.rpt.tools.diagnose.DiagnosticReportJson;
import dev.rpt.tools.diagnose.FailedCase;
import dev.rpt.tools.diagnose.FailureAnalysis;
import dev.rpt.tools.diagnose.FailureAnalyzer;
import dev.rpt.tools.diagnose.FailureMode;
import dev.rpt.tools.diagnose.IterationHistory;
import dev.rpt.tools.diagnose.IterationRecord;
import dev.rpt.tools.record.RecordLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The diagnostic function of the paper: runs a candidate on every case through a {@link CandidateRunner}, has the
 * failures of the optimization split analysed into recurring failure modes, and writes the diagnostic report with
 * the deltas of its memory. Held-out cases reach the tuner's selection and adoption only, never the report or the
 * critic.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReflectiveDiagnosticFunction implements DiagnosticFunction {

    /** The failure mode of the cases that passed in some samples and failed in others. */
    public static final String UNSTABLE = "unstable";

    static final String UNSTABLE_DEFINITION = "The case passed in some of its samples and failed in others: the prompt"
            + " leaves the model room to answer it differently each time, so a user may get either answer.";

    private final CandidateRunner runner;
    private final String promptResource;
    private final FailureAnalyzer analyzer;
    private final MetricBounds goals;
    private final MetricsOptions metrics;
    private final ConfirmationSplit confirmation;
    private IterationHistory history = IterationHistory.empty();
    private CaseMaterial caseMaterial = CaseMaterial.NONE;
    private List<WorkedExamples.Example> exampleCases = List.of();
    private FailureAnalysis latest = FailureAnalysis.none();

    /**
     * @param runner runs the prompt tests with a candidate
     * @param promptResource the prompt resource being tuned
     * @param analyzer the critic-based analyzer, or the deterministic fallback
     * @param goals the thresholds the report states as goals
     * @param metrics the metric options (bins, thresholds)
     * @param adoption how the held-out cases are split into selection and confirmation cases
     */
    public ReflectiveDiagnosticFunction(
            CandidateRunner runner,
            String promptResource,
            FailureAnalyzer analyzer,
            MetricBounds goals,
            MetricsOptions metrics,
            AdoptionPolicy adoption) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.promptResource = Objects.requireNonNull(promptResource, "promptResource");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        this.goals = Objects.requireNonNull(goals, "goals");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.confirmation = new ConfirmationSplit(adoption.confirmFraction());
    }

    /** A diagnostic function with the default {@link AdoptionPolicy}. */
    public ReflectiveDiagnosticFunction(
            CandidateRunner runner,
            String promptResource,
            FailureAnalyzer analyzer,
            MetricBounds goals,
            MetricsOptions metrics) {
        this(runner, promptResource, analyzer, goals, metrics, AdoptionPolicy.DEFAULTS);
    }

    @Override
    public synchronized Evaluation evaluate(
            int iteration, PromptFile candidate, List<String> patchTargets, Path directory) throws IOException {
        // The candidate runs from memory; its file is the record's.
        Files.writeString(directory.resolve("candidate.prompt"), candidate.text(), StandardCharsets.UTF_8);
        RunReport report =
                runner.run(promptResource, candidate, new RecordLayout.Iteration(directory).reportDirectory());
        List<CaseRecord> allTune = report.cases(Split.TUNE);
        caseMaterial = CaseMaterial.of(allTune);
        exampleCases = passedEverySample(allTune);
        // A case the candidate shows as a worked example has its answer in the prompt: it says nothing about it.
        Set<String> examples = Set.copyOf(WorkedExamples.ids(candidate));
        List<CaseRecord> tune =
                allTune.stream().filter(c -> !examples.contains(c.id())).toList();
        CandidateScores scores = CandidateScores.of(report, confirmation, metrics, examples);
        Metrics tuneMetrics = scores.tune();

        Failures found = failures(tune);
        List<FailedCase> failures = found.failures();
        List<FailedCase> unstable = found.unstable();
        List<OptionalDouble> passedConfidences = found.passedConfidences();
        latest = analyzer.analyze(task(candidate), failures);
        if (!unstable.isEmpty()) {
            latest = latest.withMode(
                    new FailureMode(
                            UNSTABLE,
                            UNSTABLE_DEFINITION,
                            unstable.size(),
                            (double) unstable.size() / failures.size(),
                            unstable.stream().map(FailedCase::id).toList()),
                    unstable);
        }
        history = history.with(IterationRecord.of(iteration, tuneMetrics, latest, patchTargets));
        String json = DiagnosticReportJson.write(
                DiagnosticReport.of(history, ConfidenceCounts.of(failures, passedConfidences), goals));
        return scores.evaluation(
                iteration,
                candidate,
                json,
                latest.modes().stream().map(FailureMode::label).toList(),
                report);
    }

    /**
     * The failing cases for the critic: with several samples per case each failing case once (its first failed
     * sample); the cases that pass only sometimes, which become a mode of their own; and the confidences of the
     * passed samples.
     */
    private Failures failures(List<CaseRecord> tune) {
        Map<String, List<CaseRecord>> samplesByCase = new LinkedHashMap<>();
        for (CaseRecord c : tune) {
            samplesByCase
                    .computeIfAbsent(ConfirmationSplit.key(c), key -> new ArrayList<>())
                    .add(c);
        }
        List<FailedCase> failures = new ArrayList<>();
        List<FailedCase> unstable = new ArrayList<>();
        List<OptionalDouble> passedConfidences = new ArrayList<>();
        for (List<CaseRecord> samples : samplesByCase.values()) {
            boolean passedOnce = false;
            FailedCase failed = null;
            for (CaseRecord c : samples) {
                if (c.verdict() == Verdict.FAILED && failed == null) {
                    failed = failedCase(c);
                } else if (c.verdict() == Verdict.PASSED) {
                    passedOnce = true;
                    passedConfidences.add(c.confidence());
                }
            }
            if (failed != null) {
                failures.add(failed);
                if (passedOnce) {
                    unstable.add(failed);
                }
            }
        }
        return new Failures(failures, unstable, passedConfidences);
    }

    private record Failures(
            List<FailedCase> failures, List<FailedCase> unstable, List<OptionalDouble> passedConfidences) {}

    @Override
    public synchronized Evaluation restore(
            int iteration, PromptFile candidate, List<String> patchTargets, Path directory) throws IOException {
        RecordLayout.Iteration files = new RecordLayout.Iteration(directory);
        RunReport report = RunReport.read(files.reportDirectory().resolve(RunReportWriter.LAST_RUN));
        String json = Files.readString(files.diagnostic(), StandardCharsets.UTF_8);
        CandidateScores scores =
                CandidateScores.of(report, confirmation, metrics, Set.copyOf(WorkedExamples.ids(candidate)));
        Metrics tuneMetrics = scores.tune();
        caseMaterial = CaseMaterial.of(report.cases(Split.TUNE));
        exampleCases = passedEverySample(report.cases(Split.TUNE));
        List<FailureMode> modes = new ArrayList<>();
        for (DiagnosticReportFormat.ModeJson mode :
                DiagnosticReportJson.read(json).failureModes()) {
            modes.add(new FailureMode(
                    mode.label(),
                    mode.definition(),
                    mode.count(),
                    mode.prevalence() == null ? 0 : mode.prevalence().doubleValue(),
                    mode.examples()));
        }
        history = history.with(new IterationRecord(iteration, tuneMetrics, modes, patchTargets));
        latest = FailureAnalysis.none();
        return scores.evaluation(
                iteration,
                candidate,
                json,
                modes.stream().map(FailureMode::label).toList(),
                report);
    }

    private static FailedCase failedCase(CaseRecord c) {
        return new FailedCase(
                c.id(),
                c.vars(),
                c.answer().orElse(""),
                c.confidence(),
                c.justification(),
                c.failure().map(f -> f.kind()).orElse("other"),
                c.failure().map(f -> f.message()).orElse(""),
                c.failure().flatMap(f -> f.expected()),
                c.failure().flatMap(f -> f.problem()),
                c.tools());
    }

    @Override
    public synchronized CaseMaterial caseMaterial() {
        return caseMaterial;
    }

    @Override
    public synchronized List<WorkedExamples.Example> exampleCases() {
        return exampleCases;
    }

    /** The optimization cases every sample of which passed, each once, in case order. */
    private static List<WorkedExamples.Example> passedEverySample(List<CaseRecord> tune) {
        Map<String, List<CaseRecord>> samplesById = new LinkedHashMap<>();
        tune.forEach(c ->
                samplesById.computeIfAbsent(c.id(), id -> new ArrayList<>()).add(c));
        List<WorkedExamples.Example> passed = new ArrayList<>();
        samplesById.values().forEach(samples -> {
            if (samples.stream().allMatch(c -> c.verdict() == Verdict.PASSED)) {
                passed.add(WorkedExamples.Example.of(samples.get(0)));
            }
        });
        return List.copyOf(passed);
    }

    @Override
    public synchronized String inspect(String mode, int limit) {
        try {
            return latest.inspect(mode, limit);
        } catch (IllegalArgumentException unknownMode) {
            return "{\"error\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(unknownMode.getMessage()) + "}";
        }
    }

    private static String task(PromptFile candidate) {
        return "SYSTEM:\n" + candidate.sectionText(Role.SYSTEM) + "\n\nUSER:\n" + candidate.sectionText(Role.USER);
    }
}
