package dev.rpt.core.report;

import static dev.rpt.core.files.JsonChecks.list;
import static dev.rpt.core.files.JsonChecks.present;
import static dev.rpt.core.files.JsonChecks.text;
import static dev.rpt.core.files.JsonChecks.unit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rpt.api.Judgement;
import dev.rpt.api.Split;
import dev.rpt.api.Step;
import dev.rpt.api.ToolCall;
import dev.rpt.api.ToolResult;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.ReliabilityBin;
import dev.rpt.core.calibration.ToolMetrics;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.cases.CaseProblem;
import dev.rpt.core.judge.CorrectedRate;
import dev.rpt.core.judge.JudgeAgreement;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.thresholds.BoundCheck;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.core.thresholds.ThresholdResult;
import dev.rpt.core.thresholds.ToolBounds;
import dev.rpt.core.verdict.ClassVerdict;
import dev.rpt.core.verdict.VerdictSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The run report's JSON shape, as records bound by Jackson: the one owner of the format that {@link RunReportWriter}
 * streams (each case as it finishes, the classes, metrics and usage at the end) and {@link RunReport} reads back. The
 * field order is the documented one ({@code docs/report-format.md}); undefined metrics are {@code null}, never 0 or
 * NaN.
 */
final class RunReportJson {

    private RunReportJson() {}

    /** The whole file, for reading; the writer streams the same fields in this order. */
    @JsonPropertyOrder({
        "schemaVersion",
        "runId",
        "startedAt",
        "model",
        "configuration",
        "cases",
        "classes",
        "verdictSettings",
        "metrics",
        "usage",
        "models",
        "judge",
        "finishedAt"
    })
    record FileJson(
            Integer schemaVersion,
            String runId,
            String startedAt,
            ModelJson model,
            Map<String, String> configuration,
            List<CaseJson> cases,
            List<ClassJson> classes,
            @JsonInclude(JsonInclude.Include.NON_NULL) VerdictSettingsJson verdictSettings,
            MetricsJson metrics,
            UsageJson usage,
            List<ModelRunJson> models,
            @JsonInclude(JsonInclude.Include.NON_NULL) ModelRunJson judge,
            String finishedAt) {

        FileJson {
            text(runId, "runId");
            present(model, "model");
            cases = list(cases);
            classes = list(classes);
            present(usage, "usage");
            models = list(models);
        }

        RunReport toReport() {
            List<CaseRecord> records = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                try {
                    records.add(cases.get(i).toRecord());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("cases[" + i + "]: " + e.getMessage(), e);
                }
            }
            Map<String, ClassVerdict> verdicts = new LinkedHashMap<>();
            for (ClassJson json : classes) {
                if (json.verdict() != null) {
                    ClassInfo info = json.toInfo();
                    verdicts.put(info.classKey(), json.verdict().toVerdict(info.thresholds()));
                }
            }
            return new RunReport(
                    runId,
                    new ModelInfo(model.provider(), model.model(), Boolean.TRUE.equals(model.simulated())),
                    classes.stream().map(ClassJson::toInfo).toList(),
                    records,
                    usage.toSnapshot(),
                    models.stream().map(ModelRunJson::toRun).toList(),
                    Optional.ofNullable(judge).map(ModelRunJson::toRun),
                    configuration == null ? Map.of() : configuration,
                    verdicts,
                    Optional.ofNullable(verdictSettings).map(VerdictSettingsJson::toSettings));
        }
    }

    /** A named model configuration of a run that tested several; written only by such a run. */
    @JsonPropertyOrder({"name", "provider", "model", "simulated", "label", "informational", "usage"})
    record ModelRunJson(
            String name,
            String provider,
            String model,
            Boolean simulated,
            String label,
            Boolean informational,
            UsageJson usage) {

        ModelRunJson {
            text(name, "name");
            text(provider, "provider");
            text(model, "model");
            present(usage, "usage");
        }

        static ModelRunJson of(ModelRun run) {
            return new ModelRunJson(
                    run.name(),
                    run.model().provider(),
                    run.model().model(),
                    run.model().simulated(),
                    run.model().label(),
                    run.informational(),
                    UsageJson.of(run.usage()));
        }

        ModelRun toRun() {
            return new ModelRun(
                    name,
                    new ModelInfo(provider, model, Boolean.TRUE.equals(simulated)),
                    Boolean.TRUE.equals(informational),
                    usage.toSnapshot());
        }
    }

    @JsonPropertyOrder({"provider", "model", "simulated", "label"})
    record ModelJson(String provider, String model, Boolean simulated, String label) {

        ModelJson {
            text(provider, "provider");
            text(model, "model");
        }

        static ModelJson of(ModelInfo model) {
            return new ModelJson(model.provider(), model.model(), model.simulated(), model.label());
        }
    }

    @JsonPropertyOrder({
        "className",
        "model",
        "method",
        "id",
        "sample",
        "split",
        "mustPass",
        "vars",
        "outcome",
        "answer",
        "confidence",
        "formatError",
        "failure",
        "error",
        "usage",
        "cached",
        "latencyMs",
        "justification",
        "judgements",
        "labels",
        "tools"
    })
    record CaseJson(
            String className,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> model,
            String method,
            String id,
            Integer sample,
            String split,
            Boolean mustPass,
            Map<String, String> vars,
            String outcome,
            Optional<String> answer,
            OptionalDouble confidence,
            Boolean formatError,
            Optional<FailureJson> failure,
            Optional<FailureJson> error,
            TokensJson usage,
            Boolean cached,
            Long latencyMs,
            Optional<String> justification,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<JudgementJson> judgements,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Boolean> labels,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<ToolUseJson> tools) {

        CaseJson {
            tools = tools == null ? Optional.empty() : tools;
            judgements = list(judgements);
            labels = labels == null ? Map.of() : labels;
            text(className, "className");
            model = model == null ? Optional.empty() : model;
            text(method, "method");
            text(id, "id");
            text(split, "split");
            text(outcome, "outcome");
            vars = vars == null ? Map.of() : vars;
            answer = answer == null ? Optional.empty() : answer;
            confidence = unit(confidence, "confidence");
            failure = failure == null ? Optional.empty() : failure;
            error = error == null ? Optional.empty() : error;
            justification = justification == null ? Optional.empty() : justification;
        }

        static CaseJson of(CaseRecord record) {
            return new CaseJson(
                    record.className(),
                    record.model(),
                    record.method(),
                    record.id(),
                    record.sample(),
                    record.split().name().toLowerCase(Locale.ROOT),
                    record.mustPass(),
                    new TreeMap<>(record.vars()),
                    record.verdict().name().toLowerCase(Locale.ROOT),
                    record.answer(),
                    record.confidence(),
                    record.formatError(),
                    record.failure().map(FailureJson::of),
                    record.error().map(FailureJson::of),
                    TokensJson.of(record.usage()),
                    record.cached(),
                    record.latencyMs(),
                    record.justification(),
                    record.judgements().stream().map(JudgementJson::of).toList(),
                    new TreeMap<>(record.labels()),
                    record.tools().map(ToolUseJson::of));
        }

        CaseRecord toRecord() {
            // Version 1 reports lack mustPass: their cases were not must-pass.
            return CaseRecord.builder(className, method, id)
                    .split(Split.valueOf(split.toUpperCase(Locale.ROOT)))
                    .vars(new LinkedHashMap<>(vars))
                    .verdict(Verdict.valueOf(outcome.toUpperCase(Locale.ROOT)))
                    .answer(answer)
                    .confidence(confidence)
                    .formatError(Boolean.TRUE.equals(formatError))
                    .failure(failure.map(FailureJson::toFailure))
                    .error(error.map(FailureJson::toFailure))
                    .usage(usage == null ? Usage.ZERO : usage.toUsage())
                    .cached(Boolean.TRUE.equals(cached))
                    .latencyMs(latencyMs == null ? 0 : latencyMs)
                    .justification(justification)
                    .sample(sample == null ? 0 : sample)
                    .mustPass(Boolean.TRUE.equals(mustPass))
                    .model(model)
                    .judgements(
                            judgements.stream().map(JudgementJson::toJudgement).toList())
                    .labels(labels)
                    .tools(tools.map(ToolUseJson::toToolUse))
                    .build();
        }
    }

    /**
     * A class's tool use, for readers of the report; rpt itself recomputes it from the cases. Rates and their
     * intervals are absent when no case states what they score.
     */
    @JsonPropertyOrder({
        "answers",
        "selection",
        "selectionScored",
        "selectionCi",
        "arguments",
        "argumentsScored",
        "argumentsCi",
        "meanSteps",
        "meanStepsCi"
    })
    record ToolMetricsJson(
            int answers,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) OptionalDouble selection,
            int selectionScored,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> selectionCi,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) OptionalDouble arguments,
            int argumentsScored,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> argumentsCi,
            double meanSteps,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Double> meanStepsCi) {

        static ToolMetricsJson of(ToolMetrics metrics) {
            return new ToolMetricsJson(
                    metrics.answers(),
                    metrics.selection(),
                    metrics.selectionScored(),
                    metrics.selectionInterval()
                            .map(i -> List.of(i.lower(), i.upper()))
                            .orElse(List.of()),
                    metrics.arguments(),
                    metrics.argumentsScored(),
                    metrics.argumentsInterval()
                            .map(i -> List.of(i.lower(), i.upper()))
                            .orElse(List.of()),
                    metrics.meanSteps(),
                    metrics.stepsInterval()
                            .map(i -> List.of(i.lower(), i.upper()))
                            .orElse(List.of()));
        }
    }

    /** A tool-calling case's trajectory and scores; {@code selection} and {@code arguments} only when scored. */
    @JsonPropertyOrder({"steps", "selection", "arguments"})
    record ToolUseJson(
            List<StepJson> steps,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Boolean> selection,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Boolean> arguments) {

        ToolUseJson {
            steps = list(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("tools.steps: needs at least one step");
            }
            selection = selection == null ? Optional.empty() : selection;
            arguments = arguments == null ? Optional.empty() : arguments;
        }

        static ToolUseJson of(ToolUse use) {
            return new ToolUseJson(use.steps().stream().map(StepJson::of).toList(), use.selection(), use.arguments());
        }

        ToolUse toToolUse() {
            return new ToolUse(steps.stream().map(StepJson::toStep).toList(), selection, arguments);
        }
    }

    /** One model turn: its text, its calls (arguments as the model wrote them) and the results returned. */
    @JsonPropertyOrder({"text", "calls", "results"})
    record StepJson(
            String text,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<CallJson> calls,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ResultJson> results) {

        StepJson {
            text = text == null ? "" : text;
            calls = list(calls);
            results = list(results);
        }

        static StepJson of(Step step) {
            return new StepJson(
                    step.text(),
                    step.toolCalls().stream().map(CallJson::of).toList(),
                    step.results().stream().map(ResultJson::of).toList());
        }

        Step toStep() {
            return new Step(
                    text,
                    calls.stream().map(CallJson::toCall).toList(),
                    results.stream().map(ResultJson::toResult).toList());
        }
    }

    /** A tool call; {@code arguments} is the model's JSON text, which may be invalid. */
    @JsonPropertyOrder({"id", "name", "arguments"})
    record CallJson(String id, String name, String arguments) {

        CallJson {
            id = id == null ? "" : id;
            text(name, "name");
            arguments = arguments == null ? "" : arguments;
        }

        static CallJson of(ToolCall call) {
            return new CallJson(call.id(), call.name(), call.arguments());
        }

        ToolCall toCall() {
            return new ToolCall(id, name, arguments);
        }
    }

    /** What a tool returned for a call; {@code error} when no stub answered it. */
    @JsonPropertyOrder({"callId", "name", "content", "error"})
    record ResultJson(
            String callId,
            String name,
            String content,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean error) {

        ResultJson {
            callId = callId == null ? "" : callId;
            text(name, "name");
            content = content == null ? "" : content;
        }

        static ResultJson of(ToolResult result) {
            return new ResultJson(result.callId(), result.name(), result.content(), result.error() ? true : null);
        }

        ToolResult toResult() {
            return new ToolResult(callId, name, content, Boolean.TRUE.equals(error));
        }
    }

    /** A judge's verdict on one criterion of a case; {@code met} is written for readers, and derived when read. */
    @JsonPropertyOrder({"criterion", "text", "met", "probability", "threshold", "reason"})
    record JudgementJson(
            String criterion,
            @JsonProperty("text") String wording,
            Boolean met,
            Double probability,
            Double threshold,
            String reason) {

        JudgementJson {
            text(criterion, "criterion");
            wording = wording == null ? "" : wording;
            reason = reason == null ? "" : reason;
            if (probability == null) {
                throw new IllegalArgumentException("probability: is missing");
            }
            if (threshold == null) {
                throw new IllegalArgumentException("threshold: is missing");
            }
        }

        static JudgementJson of(Judgement judgement) {
            return new JudgementJson(
                    judgement.criterion(),
                    judgement.text(),
                    judgement.met(),
                    judgement.probability(),
                    judgement.threshold(),
                    judgement.reason());
        }

        Judgement toJudgement() {
            return new Judgement(criterion, wording, probability, threshold, reason);
        }
    }

    @JsonPropertyOrder({"kind", "message", "expected", "problem"})
    record FailureJson(
            String kind,
            String message,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> expected,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> problem) {

        FailureJson {
            kind = kind == null ? "" : kind;
            message = message == null ? "" : message;
            expected = expected == null ? Optional.empty() : expected;
            problem = problem == null ? Optional.empty() : problem;
        }

        static FailureJson of(CaseRecord.Failure failure) {
            return new FailureJson(failure.kind(), failure.message(), failure.expected(), failure.problem());
        }

        CaseRecord.Failure toFailure() {
            return new CaseRecord.Failure(kind, message, expected, problem);
        }
    }

    /** Token counts; {@code cached} and {@code reasoning} were added later and read as 0 when absent. */
    @JsonPropertyOrder({"prompt", "completion", "total", "cached", "reasoning"})
    record TokensJson(long prompt, long completion, long total, long cached, long reasoning) {

        static TokensJson of(Usage usage) {
            return new TokensJson(
                    usage.promptTokens(),
                    usage.completionTokens(),
                    usage.totalTokens(),
                    usage.cachedPromptTokens(),
                    usage.reasoningTokens());
        }

        Usage toUsage() {
            return new Usage(prompt, completion, total, cached, reasoning);
        }
    }

    @JsonPropertyOrder({
        "className",
        "model",
        "prompt",
        "thresholds",
        "metrics",
        "splits",
        "judgeAgreement",
        "skippedRows",
        "verdict",
        "tools"
    })
    record ClassJson(
            String className,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> model,
            PromptJson prompt,
            BoundsJson thresholds,
            MetricsJson metrics,
            Map<String, MetricsJson> splits,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AgreementJson> judgeAgreement,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SkippedRowJson> skippedRows,
            @JsonInclude(JsonInclude.Include.NON_NULL) VerdictJson verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) ToolMetricsJson tools) {

        ClassJson {
            judgeAgreement = list(judgeAgreement);
            skippedRows = list(skippedRows);
            text(className, "className");
            model = model == null ? Optional.empty() : model;
            present(prompt, "prompt");
            thresholds = thresholds == null
                    ? new BoundsJson(
                            OptionalDouble.empty(),
                            OptionalDouble.empty(),
                            OptionalDouble.empty(),
                            OptionalDouble.empty(),
                            OptionalDouble.empty(),
                            OptionalDouble.empty(),
                            OptionalDouble.empty(),
                            OptionalDouble.empty())
                    : thresholds;
        }

        static ClassJson of(
                ClassInfo info,
                Metrics metrics,
                Map<Split, Metrics> bySplit,
                List<JudgeAgreement> agreement,
                ClassVerdict verdict,
                Optional<ToolMetrics> tools) {
            Map<String, MetricsJson> splits = new LinkedHashMap<>();
            for (Split split : Split.values()) {
                splits.put(split.name().toLowerCase(Locale.ROOT), MetricsJson.of(bySplit.get(split)));
            }
            return new ClassJson(
                    info.className(),
                    info.model(),
                    new PromptJson(info.promptPath(), info.promptSha256()),
                    BoundsJson.of(info),
                    MetricsJson.of(metrics),
                    splits,
                    agreement.stream().map(AgreementJson::of).toList(),
                    info.skippedRows().stream().map(SkippedRowJson::of).toList(),
                    VerdictJson.of(verdict),
                    tools.map(ToolMetricsJson::of).orElse(null));
        }

        ClassInfo toInfo() {
            return new ClassInfo(
                    className,
                    prompt.path(),
                    prompt.sha256(),
                    thresholds.toBounds(),
                    model,
                    thresholds.minKappa(),
                    thresholds.minMetRate(),
                    skippedRows.stream().map(SkippedRowJson::toProblem).toList(),
                    new ToolBounds(thresholds.minToolSelection(), thresholds.minToolArguments()));
        }
    }

    /**
     * A class's verdict as the run decided it: {@code passed}, each threshold's check, the judge-agreement and case
     * problems; {@code rpt:check} reads it instead of judging the class again.
     */
    @JsonPropertyOrder({"passed", "thresholds", "kappa", "metRate", "cases"})
    record VerdictJson(
            Boolean passed,
            List<BoundCheckJson> thresholds,
            List<String> kappa,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> metRate,
            List<String> cases) {

        VerdictJson {
            present(passed, "verdict.passed");
            thresholds = list(thresholds);
            kappa = list(kappa);
            metRate = list(metRate);
            cases = list(cases);
        }

        static VerdictJson of(ClassVerdict verdict) {
            return new VerdictJson(
                    verdict.passed(),
                    verdict.thresholds().checks().stream()
                            .map(BoundCheckJson::of)
                            .toList(),
                    verdict.kappa(),
                    verdict.metRate(),
                    verdict.cases());
        }

        ClassVerdict toVerdict(MetricBounds bounds) {
            ClassVerdict verdict = new ClassVerdict(
                    new ThresholdResult(
                            bounds,
                            thresholds.stream().map(BoundCheckJson::toCheck).toList()),
                    kappa,
                    metRate,
                    cases);
            if (verdict.passed() != passed) {
                throw new IllegalArgumentException(
                        "verdict.passed is " + passed + " but its checks and problems say " + verdict.passed());
            }
            return verdict;
        }
    }

    /** One threshold's check, as {@link BoundCheck} holds it. */
    @JsonPropertyOrder({"metric", "limit", "measured", "passed", "detail"})
    record BoundCheckJson(String metric, String limit, String measured, Boolean passed, String detail) {

        BoundCheckJson {
            text(metric, "metric");
            text(limit, "limit");
            text(measured, "measured");
            present(passed, "passed");
            text(detail, "detail");
        }

        static BoundCheckJson of(BoundCheck check) {
            return new BoundCheckJson(check.metric(), check.limit(), check.measured(), check.passed(), check.detail());
        }

        BoundCheck toCheck() {
            return new BoundCheck(metric, limit, measured, passed, detail);
        }
    }

    /** What the verdicts were decided with: the check mode, the budget and its split, the metric options. */
    @JsonPropertyOrder({"checkMode", "alpha", "confidenceBounds", "boundAlpha", "bins"})
    record VerdictSettingsJson(
            String checkMode, Double alpha, Integer confidenceBounds, Double boundAlpha, Integer bins) {

        VerdictSettingsJson {
            text(checkMode, "verdictSettings.checkMode");
            present(alpha, "verdictSettings.alpha");
            present(confidenceBounds, "verdictSettings.confidenceBounds");
            present(bins, "verdictSettings.bins");
        }

        static VerdictSettingsJson of(VerdictSettings settings) {
            return new VerdictSettingsJson(
                    VerdictSettings.word(settings.mode()),
                    settings.alpha(),
                    settings.confidenceBounds(),
                    settings.boundAlpha(),
                    settings.metrics().bins());
        }

        VerdictSettings toSettings() {
            CheckMode mode = switch (checkMode) {
                case "point-estimate" -> CheckMode.POINT_ESTIMATE;
                case "confidence-bound" -> CheckMode.CONFIDENCE_BOUND;
                default ->
                    throw new IllegalArgumentException("verdictSettings.checkMode: must be point-estimate or"
                            + " confidence-bound, got " + checkMode);
            };
            return new VerdictSettings(mode, MetricsOptions.DEFAULTS.withBins(bins), alpha, confidenceBounds);
        }
    }

    /** A case row left out under {@code rpt.cases.bad-rows=skip}: where it is and what was wrong with it. */
    @JsonPropertyOrder({"file", "line", "problem"})
    record SkippedRowJson(String file, int line, String problem) {

        SkippedRowJson {
            text(file, "file");
            text(problem, "problem");
        }

        static SkippedRowJson of(CaseProblem problem) {
            return new SkippedRowJson(problem.file(), problem.line(), problem.message());
        }

        CaseProblem toProblem() {
            return new CaseProblem(file, line, problem);
        }
    }

    /**
     * The judge's agreement with human verdicts on one criterion: {@code agreement} holds the agreement rate as its
     * accuracy, {@code calibration} the judge's probability against the human verdicts; {@code stale} counts the
     * verdicts left out because they grade another answer than the one judged.
     */
    @JsonPropertyOrder({"criterion", "n", "stale", "kappa", "agreement", "calibration"})
    record AgreementJson(
            String criterion,
            Integer n,
            Integer stale,
            OptionalDouble kappa,
            MetricsJson agreement,
            MetricsJson calibration,
            @JsonInclude(JsonInclude.Include.NON_NULL) MetRateJson metRate) {

        AgreementJson {
            text(criterion, "criterion");
            kappa = kappa == null ? OptionalDouble.empty() : kappa;
            present(agreement, "agreement");
            present(calibration, "calibration");
        }

        static AgreementJson of(JudgeAgreement agreement) {
            return new AgreementJson(
                    agreement.criterion(),
                    agreement.n(),
                    agreement.stale(),
                    agreement.kappa(),
                    MetricsJson.of(agreement.agreement()),
                    MetricsJson.of(agreement.calibration()),
                    agreement.metRate().map(MetRateJson::of).orElse(null));
        }
    }

    /**
     * How often a criterion is met: the judge's rate over every judged answer, and that rate corrected by the judge's
     * measured error on the labelled answers (prediction-powered inference), with its 95% interval. Written, not read.
     */
    @JsonPropertyOrder({"judge", "judged", "labelled", "estimate", "interval"})
    record MetRateJson(double judge, int judged, int labelled, double estimate, List<Double> interval) {

        static MetRateJson of(CorrectedRate rate) {
            return new MetRateJson(
                    rate.judgeRate(),
                    rate.judged(),
                    rate.labelled(),
                    rate.estimate(),
                    List.of(rate.interval().lower(), rate.interval().upper()));
        }
    }

    @JsonPropertyOrder({"path", "sha256"})
    record PromptJson(String path, String sha256) {

        PromptJson {
            text(path, "path");
            text(sha256, "sha256");
        }
    }

    @JsonPropertyOrder({"minAccuracy", "maxEce", "maxBrier", "maxErrorRate"})
    record BoundsJson(
            OptionalDouble minAccuracy,
            OptionalDouble maxEce,
            OptionalDouble maxBrier,
            OptionalDouble maxErrorRate,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) OptionalDouble minKappa,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) OptionalDouble minMetRate,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) OptionalDouble minToolSelection,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) OptionalDouble minToolArguments) {

        BoundsJson {
            minToolSelection = unit(minToolSelection, "minToolSelection");
            minToolArguments = unit(minToolArguments, "minToolArguments");
            minMetRate = unit(minMetRate, "minMetRate");
            minAccuracy = unit(minAccuracy, "minAccuracy");
            maxEce = unit(maxEce, "maxEce");
            maxBrier = unit(maxBrier, "maxBrier");
            maxErrorRate = unit(maxErrorRate, "maxErrorRate");
            minKappa = minKappa == null ? OptionalDouble.empty() : minKappa;
            if (minKappa.isPresent() && !(minKappa.getAsDouble() >= -1 && minKappa.getAsDouble() <= 1)) {
                throw new IllegalArgumentException(
                        "minKappa: must be a number in [-1, 1] or absent, got " + minKappa.getAsDouble());
            }
        }

        static BoundsJson of(ClassInfo info) {
            return new BoundsJson(
                    info.thresholds().minAccuracy(),
                    info.thresholds().maxEce(),
                    info.thresholds().maxBrier(),
                    info.thresholds().maxErrorRate(),
                    info.minKappa(),
                    info.minMetRate(),
                    info.toolBounds().minSelection(),
                    info.toolBounds().minArguments());
        }

        MetricBounds toBounds() {
            return new MetricBounds(minAccuracy, maxEce, maxBrier, maxErrorRate);
        }
    }

    /** Metrics as the report states them; written, not read back (readers recompute them from the cases). */
    @JsonPropertyOrder({
        "n",
        "errored",
        "correct",
        "accuracy",
        "accuracyCi",
        "ece",
        "eceDebiased",
        "eceEqualMass",
        "brier",
        "brierSkill",
        "auroc",
        "overconfidenceRate",
        "underconfidenceRate",
        "formatErrorRate",
        "missingConfidence",
        "meanConfidence",
        "reliability"
    })
    record MetricsJson(
            int n,
            int errored,
            int correct,
            OptionalDouble accuracy,
            List<Double> accuracyCi,
            OptionalDouble ece,
            OptionalDouble eceDebiased,
            OptionalDouble eceEqualMass,
            OptionalDouble brier,
            OptionalDouble brierSkill,
            OptionalDouble auroc,
            OptionalDouble overconfidenceRate,
            OptionalDouble underconfidenceRate,
            OptionalDouble formatErrorRate,
            int missingConfidence,
            OptionalDouble meanConfidence,
            List<BinJson> reliability) {

        static MetricsJson of(Metrics metrics) {
            return new MetricsJson(
                    metrics.n(),
                    metrics.errored(),
                    metrics.correct(),
                    metrics.accuracy(),
                    metrics.accuracyCi()
                            .map(ci -> List.of(ci.lower(), ci.upper()))
                            .orElse(null),
                    metrics.ece(),
                    metrics.eceDebiased(),
                    metrics.eceEqualMass(),
                    metrics.brier(),
                    metrics.brierSkill(),
                    metrics.auroc(),
                    metrics.overconfidenceRate(),
                    metrics.underconfidenceRate(),
                    metrics.formatErrorRate(),
                    metrics.missingConfidence(),
                    metrics.meanConfidence(),
                    metrics.reliability().stream().map(BinJson::of).toList());
        }
    }

    @JsonPropertyOrder({"lower", "upper", "count", "meanConfidence", "accuracy"})
    record BinJson(double lower, double upper, int count, OptionalDouble meanConfidence, OptionalDouble accuracy) {

        static BinJson of(ReliabilityBin bin) {
            return new BinJson(bin.lower(), bin.upper(), bin.count(), bin.meanConfidence(), bin.accuracy());
        }
    }

    @JsonPropertyOrder({
        "calls",
        "cachedCalls",
        "errors",
        "tokens",
        "cachedTokens",
        "costUsd",
        "unpricedModels",
        "cachedCostUsd",
        "cachedAnswers"
    })
    record UsageJson(
            Long calls,
            Long cachedCalls,
            Long errors,
            TokensJson tokens,
            TokensJson cachedTokens,
            OptionalDouble costUsd,
            List<String> unpricedModels,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) OptionalDouble cachedCostUsd,
            @JsonInclude(JsonInclude.Include.NON_NULL) CachedAnswersJson cachedAnswers) {

        UsageJson {
            costUsd = costUsd == null ? OptionalDouble.empty() : costUsd;
            cachedCostUsd = cachedCostUsd == null ? OptionalDouble.empty() : cachedCostUsd;
            unpricedModels = list(unpricedModels);
        }

        static UsageJson of(UsageSnapshot usage) {
            return new UsageJson(
                    usage.calls(),
                    usage.cachedCalls(),
                    usage.errors(),
                    TokensJson.of(usage.usage()),
                    TokensJson.of(usage.cachedUsage()),
                    usage.costUsd(),
                    usage.unpricedModels(),
                    usage.cachedCostUsd(),
                    CachedAnswersJson.of(usage.cachedAnswers()));
        }

        UsageSnapshot toSnapshot() {
            List<String> unpriced = new ArrayList<>(unpricedModels);
            // A cost stands only when every model was priced; a report that states neither has an unknown cost.
            OptionalDouble cost = unpriced.isEmpty() ? costUsd : OptionalDouble.empty();
            if (cost.isEmpty() && unpriced.isEmpty()) {
                unpriced.add("(unknown)");
            }
            return new UsageSnapshot(
                    count(calls),
                    count(cachedCalls),
                    count(errors),
                    tokens == null ? Usage.ZERO : tokens.toUsage(),
                    cachedTokens == null ? Usage.ZERO : cachedTokens.toUsage(),
                    cost,
                    unpriced,
                    // Reports written before the field existed: nothing when nothing was cached, else unknown.
                    cachedCostUsd.isPresent() || count(cachedCalls) > 0 ? cachedCostUsd : OptionalDouble.of(0),
                    CachedAnswersJson.toAnswers(cachedAnswers));
        }

        private static long count(Long value) {
            return value == null ? 0 : value;
        }
    }
}
