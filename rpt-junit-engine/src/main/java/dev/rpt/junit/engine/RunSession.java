package dev.rpt.junit.engine;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.ModelTarget;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.eval.PromptEvaluator;
import dev.rpt.core.judge.HumanLabels;
import dev.rpt.core.judge.Judge;
import dev.rpt.core.judge.JudgeAgreement;
import dev.rpt.core.judge.JudgePrompts;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.runtime.ChatModels;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.ModelRun;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.settings.RunSettings;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.thresholds.ThresholdResult;
import dev.rpt.core.verdict.ClassVerdict;
import dev.rpt.core.verdict.VerdictSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.FileEntry;
import org.opentest4j.TestAbortedException;

/**
 * One execution of the engine, from the first class to the last: the models, the threads their calls run on, the run
 * report, and what is printed. Each class's cases run in a {@link ClassRun}, which travels on the execution context.
 * A run that names its models ({@code rpt.models.<name>.*}) runs every case on each; each model's cases are measured,
 * checked and reported apart.
 */
final class RunSession {

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ExecutionRequest request;
    private final List<RunModel> models;
    private final ExecutorService executor;
    private final RunReportWriter report;
    private final Path reportDirectory;
    private final int repeat;
    private final List<ClassInfo> classes = new ArrayList<>();
    private final Progress progress;
    private final ConsoleReport console;
    private final RptConfig config;
    private final RunSettings settings;
    private final UsageLedger judgeLedger;
    private final HumanLabels labels;
    private Judge judge;
    private ChatModel judgeModel;

    private RunSession(
            ExecutionRequest request,
            RunSettings settings,
            List<RunModel> models,
            ExecutorService executor,
            Path reportDirectory,
            RunReportWriter report,
            HumanLabels labels) {
        this.request = request;
        this.labels = labels;
        RptConfig config = settings.config();
        this.repeat = config.integer(RptConstants.REPEAT, 1, 1000).orElse(1);
        this.progress = new Progress(System.out::println, countCases(request.getRootTestDescriptor()));
        this.console = new ConsoleReport(
                System.out::println,
                config.integer(RptConstants.OUTPUT_MAX_CASE_LINES, 0, 100_000).orElse(20));
        this.config = settings.config();
        this.settings = settings;
        this.judgeLedger = new UsageLedger(
                settings.judge().defaults().prices(),
                settings.judge().defaults().batch().priceFactor());
        this.models = models;
        this.executor = executor;
        this.reportDirectory = reportDirectory;
        this.report = report;
    }

    static RunSession start(ExecutionRequest request, RptEngineDescriptor engine) {
        RptConfig config = engine.config();
        Path reportDirectory = Path.of(config.string(RptConstants.REPORT_DIR).orElse("target/rpt"));
        HumanLabels labels = labels(config);
        List<RunModel> models = new ArrayList<>();
        RunSettings settings;
        try {
            settings = RunSettings.of(config);
            for (ModelTarget target : settings.models().targets()) {
                models.add(RunModel.create(target, settings.target().forModel(target)));
            }
        } catch (RuntimeException e) {
            models.forEach(model -> model.chat().close());
            throw e;
        }
        // Each model's calls wait for its own limit, so the pool has room for every model's calls at once.
        int threads = models.stream().mapToInt(model -> model.limiter().limit()).sum();
        ExecutorService executor = Executors.newFixedThreadPool(threads, daemonThreads());
        Instant now = Instant.now();
        String runId = RUN_ID.format(now) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        try {
            VerdictSettings verdicts =
                    VerdictSettings.from(config, confidenceBounds(request.getRootTestDescriptor(), models));
            if (verdicts.mode() == CheckMode.CONFIDENCE_BOUND) {
                System.out.println("[rpt] verdicts: " + verdicts.describe());
            }
            RunReportWriter report = RunReportWriter.start(
                    reportDirectory,
                    new RunHeader(runId, now, models.get(0).chat().info(), RunHeader.redact(rptKeys(request, config))),
                    verdicts);
            for (RunModel model : models) {
                if (model.chat().info().simulated()) {
                    System.out.println("[rpt] SIMULATOR: answers come from the offline simulator " + model.label()
                            + ", not from a real model. Its numbers say nothing about any real model.");
                }
            }
            if (models.size() > 1 || models.get(0).name().isPresent()) {
                System.out.println("[rpt] models: "
                        + String.join(
                                ", ",
                                models.stream()
                                        .map(m -> m.label() + (m.informational() ? ", informational" : ""))
                                        .toList()));
            }
            return new RunSession(request, settings, models, executor, reportDirectory, report, labels);
        } catch (IOException e) {
            executor.shutdownNow();
            models.forEach(model -> model.chat().close());
            throw new UncheckedIOException(
                    "rpt cannot write its report under " + reportDirectory.toAbsolutePath()
                            + ". Check that the directory is writable, or set " + RptConstants.REPORT_DIR + ".",
                    e);
        }
    }

    /**
     * With {@code rpt.batch}, renders every case's requests of every class up front and hands them to each model,
     * which answers the uncached ones in the provider's batches before the first class runs; the classes then run
     * from the cache. A case that cannot be rendered is left out here: it errors when its class runs, with its own
     * message. Without {@code rpt.batch} this does nothing.
     */
    void prefetch(TestDescriptor root) {
        if (!settings.target().defaults().batch().enabled()) {
            return;
        }
        for (RunModel model : models) {
            List<ChatRequest> requests = new ArrayList<>();
            for (TestDescriptor descendant : root.getDescendants()) {
                if (!(descendant instanceof PromptClassDescriptor testClass)
                        || testClass.prompt().file().isEmpty()) {
                    continue;
                }
                PromptEvaluator evaluator = new PromptEvaluator(model.chat(), model.evaluationSettings(testClass));
                for (CaseDescriptor descriptor : testClass.cases()) {
                    if (!descriptor.model().equals(model.name())) {
                        continue;
                    }
                    for (int sample = 0; sample < repeat; sample++) {
                        try {
                            requests.addAll(evaluator.plannedRequests(
                                    testClass.prompt().file().get(),
                                    descriptor.promptCase().vars(),
                                    sample));
                        } catch (RuntimeException e) {
                            break; // the case errors when its class runs, with this message
                        }
                    }
                }
            }
            if (!requests.isEmpty()) {
                model.chat().prefetch(requests);
            }
        }
    }

    /**
     * Starts a class: records it for the report, once per model, and starts every model call of its cases. What the
     * class's cases need travels on the execution context as the returned {@link ClassRun}.
     */
    ClassRun startClass(PromptClassDescriptor testClass) {
        Map<Optional<String>, PromptEvaluator> evaluators = new LinkedHashMap<>();
        Set<Optional<String>> selected = testClass.selectedModels();
        for (RunModel model : models) {
            // A class run for one test (an IDE's "run again") is reported on that test's model only.
            if (!selected.isEmpty() && !selected.contains(model.name())) {
                continue;
            }
            classes.add(testClass.info(model.name()));
            evaluators.put(model.name(), new PromptEvaluator(model.chat(), model.evaluationSettings(testClass)));
        }
        return ClassRun.start(
                testClass,
                evaluators,
                this::informational,
                repeat,
                executor,
                report,
                console,
                progress,
                judge(testClass),
                labels,
                config.integer(RptConstants.CASES_AHEAD, 1, 10_000_000).orElse(ClassRun.DEFAULT_AHEAD));
    }

    /**
     * The judge of a class whose tests declare criteria, created on first use: {@code rpt.judge.*} over the target's
     * settings, with the target's retries, cache and concurrency limit, metered in a ledger of its own.
     */
    private synchronized Optional<Judge> judge(PromptClassDescriptor testClass) {
        boolean judged = testClass.cases().stream()
                .map(CaseDescriptor::method)
                .distinct()
                .anyMatch(method ->
                        !DeclaredCriterion.of(testClass.testClass(), method).isEmpty());
        if (!judged) {
            return Optional.empty();
        }
        if (judge == null) {
            RptConfig judgeConfig = settings.judge().config();
            judgeModel = ChatModels.withRoleLimit(
                    ChatModels.create(
                            judgeConfig,
                            System::getenv,
                            judgeLedger,
                            models.get(0).limiter()),
                    config,
                    RptConstants.JUDGE_PREFIX);
            judge = new Judge(
                    judgeModel,
                    JudgePrompts.load(config, testClass.testClass().getClassLoader()),
                    JudgePrompts.threshold(config),
                    JudgePrompts.probability(config));
            if (judgeModel.info().simulated()) {
                System.out.println("[rpt] SIMULATOR: the judge is the offline simulator "
                        + judgeModel.info().label()
                        + ", not a real model. Its verdicts say nothing about any real judge.");
            }
        }
        return Optional.of(judge);
    }

    /** Where the labels file is by default: beside the baseline, committed with the project. */
    static final String DEFAULT_LABELS = "src/test/rpt/labels.jsonl";

    /**
     * The labels file of {@code rpt.judge.labels}, or of its default path when that exists. A file that cannot be
     * read stops the run before any call: its verdicts decide every judged class's agreement.
     */
    static HumanLabels labels(RptConfig config) {
        Optional<String> given = config.string(RptConstants.JUDGE_LABELS);
        Path file = Path.of(given.orElse(DEFAULT_LABELS));
        if (given.isPresent() && !Files.isRegularFile(file)) {
            throw new ConfigException(RptConstants.JUDGE_LABELS + "=" + given.get() + " names no file (looked at "
                    + file.toAbsolutePath() + "). Fix the path, or remove the key to use " + DEFAULT_LABELS
                    + " when it exists.");
        }
        try {
            return HumanLabels.readIfPresent(file);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("The labels file is not valid: " + e.getMessage());
        }
    }

    private boolean informational(Optional<String> model) {
        return models.stream().filter(m -> m.name().equals(model)).anyMatch(RunModel::informational);
    }

    /**
     * Checks a class's thresholds (and {@code minKappa}) on one model: the class's verdict as the run report records
     * it, decided on every sample of the cases it ran there. The first line of the failure carries the measured
     * values, because build tools keep only that line in their summaries. The cases that fail the class by the rules
     * (must-pass, errored) have failed their own tests. On an informational model, an unmet bound aborts the test
     * (build tools count it as skipped) instead of failing it.
     */
    void checkThresholds(PromptClassDescriptor testClass, Optional<String> model) {
        ClassInfo info = testClass.info(model);
        ClassVerdict verdict = report.classVerdict(info);
        List<String> violations = verdict.thresholdViolations();
        if (violations.isEmpty()) {
            return;
        }
        long judged =
                testClass.cases().stream().filter(c -> c.model().equals(model)).count();
        String message = info.displayName() + " is below its thresholds: "
                + verdict.thresholds().measuredLine() + "; judged on "
                + judged + (judged == 1 ? " case" : " cases")
                + (info.skippedRows().isEmpty()
                        ? ""
                        : " (" + info.skippedRows().size() + " bad rows skipped, rpt.cases.bad-rows=skip)")
                + "\n  - "
                + String.join("\n  - ", violations)
                + "\nSee " + reportDirectory.resolve(RunReportWriter.LAST_RUN)
                + " for every case. Improve the prompt (or run mvn rpt:tune), or lower the bar in @Thresholds.";
        if (informational(model)) {
            TestAbortedException aborted = new TestAbortedException("Informational model '" + model.orElseThrow()
                    + "' (measured, never failing the build): " + message);
            aborted.setStackTrace(new StackTraceElement[0]);
            throw aborted;
        }
        AssertionError failure = new AssertionError(message);
        failure.setStackTrace(new StackTraceElement[0]);
        throw failure;
    }

    /**
     * The bounds the run will test in confidence-bound mode, counted when the tests are discovered: on every model
     * that is not informational, each class's {@code minAccuracy}, {@code maxEce} and {@code maxBrier}, and each judged
     * criterion of a class with {@code minKappa}, and again with {@code minMetRate}, and {@code minToolSelection} and
     * {@code minToolArguments}. They share the build's error budget (see {@link VerdictSettings}).
     */
    static int confidenceBounds(TestDescriptor root, List<RunModel> models) {
        int bounds = 0;
        for (TestDescriptor descendant : root.getDescendants()) {
            if (descendant instanceof ThresholdsDescriptor thresholds
                    && descendant.getParent().orElseThrow() instanceof PromptClassDescriptor testClass
                    && models.stream()
                            .filter(m -> m.name().equals(thresholds.model()))
                            .noneMatch(RunModel::informational)) {
                ClassInfo info = testClass.info(thresholds.model());
                bounds += info.thresholds().minAccuracy().isPresent() ? 1 : 0;
                bounds += info.thresholds().maxEce().isPresent() ? 1 : 0;
                bounds += info.thresholds().maxBrier().isPresent() ? 1 : 0;
                int criteria = (int) testClass.cases().stream()
                        .map(CaseDescriptor::method)
                        .distinct()
                        .flatMap(method -> DeclaredCriterion.of(testClass.testClass(), method).stream())
                        .map(DeclaredCriterion::id)
                        .distinct()
                        .count();
                bounds += info.minKappa().isPresent() ? criteria : 0;
                bounds += info.minMetRate().isPresent() ? criteria : 0;
                bounds += info.toolBounds().count();
            }
        }
        return bounds;
    }

    /** After a class's last test: the line that counts its cases past the console cap, per model. */
    void classFinished(PromptClassDescriptor testClass) {
        for (RunModel model : models) {
            console.classFinished(testClass.testClass().getName() + ModelTarget.suffix(model.name()));
        }
    }

    private ThresholdResult thresholdResult(ClassInfo info) {
        return report.classVerdict(info).thresholds();
    }

    /** Completes the report, prints a summary and releases the models. */
    /**
     * Ends a run that failed before its first class (e.g. {@code rpt.batch=on} on a server without batch endpoints):
     * the partial report is removed, not left half-written, and the models are closed.
     */
    void abandon() {
        executor.shutdownNow();
        try {
            report.close();
        } catch (IOException e) {
            // The run is failing already with its own error; a partial report that cannot be removed is secondary.
        } finally {
            models.forEach(model -> model.chat().close());
        }
    }

    void finish(RptEngineDescriptor engine) throws IOException {
        try {
            executor.shutdownNow();
            List<ModelRun> named = models.get(0).name().isPresent()
                    ? models.stream().map(RunModel::toRun).toList()
                    : List.of();
            report.finish(classes, totalUsage(), named, judgeRun());
            Path lastRun = reportDirectory.resolve(RunReportWriter.LAST_RUN);
            request.getEngineExecutionListener()
                    .fileEntryPublished(engine, FileEntry.from(lastRun, "application/json"));
            printSummary(lastRun);
        } finally {
            report.close();
            models.forEach(model -> model.chat().close());
            if (judgeModel != null) {
                judgeModel.close();
            }
        }
    }

    /** Below the summary table: each tool-calling class's tool use, then each judged class's judge agreement. */
    private void classLines() {
        int percent = (int) Math.round(100 * settings.metrics().intervalLevel());
        for (ClassInfo info : classes) {
            report.classToolMetrics(info.classKey())
                    .ifPresent(tools -> System.out.println("[rpt] tools " + CaseResolution.simpleName(info.classKey())
                            + ": " + tools.describe(percent)));
        }
        for (ClassInfo info : classes) {
            for (JudgeAgreement agreement : report.classAgreement(info.classKey())) {
                System.out.println("[rpt] judge agreement " + info.displayName() + " '" + agreement.criterion() + "': "
                        + agreement.describe()
                        + agreement
                                .metRate()
                                .map(rate -> "; " + rate.describe())
                                .orElse(""));
            }
        }
    }

    /** The judge and its usage for the report, when a test declared criteria. */
    private Optional<ModelRun> judgeRun() {
        return judgeModel == null
                ? Optional.empty()
                : Optional.of(new ModelRun("judge", judgeModel.info(), false, judgeLedger.snapshot()));
    }

    private UsageSnapshot totalUsage() {
        UsageSnapshot total = UsageSnapshot.NONE;
        for (RunModel model : models) {
            total = total.plus(model.ledger().snapshot());
        }
        return total;
    }

    private void printSummary(Path lastRun) {
        List<ConsoleReport.ClassRow> rows = new ArrayList<>();
        // What rpt:check's regression test can see: accuracy, ECE and Brier per class and model that counts.
        double alpha = config.number(RptConstants.CHECK_ALPHA, 1e-6, 0.4999).orElse(VerdictSettings.DEFAULT_ALPHA);
        double tolerance = config.number(RptConstants.CHECK_TOLERANCE_ACCURACY, 0, 1)
                .orElse(0.02); // the gate's default, RegressionOptions.DEFAULTS
        int counted =
                (int) classes.stream().filter(c -> !informational(c.model())).count();
        for (ClassInfo info : classes) {
            rows.add(new ConsoleReport.ClassRow(
                    info.classKey(),
                    report.classMetrics(info.classKey()),
                    info.thresholds().isEmpty() && info.toolBounds().count() == 0
                            ? Optional.empty()
                            : Optional.of(thresholdResult(info)),
                    informational(info.model()),
                    info.skippedRows(),
                    informational(info.model())
                            ? OptionalDouble.empty()
                            : report.classDetectableDrop(info.classKey(), alpha, 3 * counted, tolerance)));
        }
        console.summary(rows);
        for (RunModel model : models) {
            if (model.limiter().adaptive()) {
                System.out.println("[rpt] concurrency auto for " + model.label() + ": ended at "
                        + model.limiter().currentLimit() + " in flight (at most "
                        + model.limiter().limit() + "); "
                        + model.limiter().throttleSummary());
            }
        }
        classLines();
        if (judgeModel != null) {
            // Metered apart: the judge grades the answers, it is not the model under test.
            System.out.println("[rpt] judge " + judgeModel.info().label() + ", " + usageLine(judgeLedger.snapshot()));
        }
        if (models.size() == 1 && models.get(0).name().isEmpty()) {
            System.out.println("[rpt] model " + models.get(0).label() + ", "
                    + usageLine(models.get(0).ledger().snapshot()) + "; report " + lastRun.toAbsolutePath());
            return;
        }
        for (RunModel model : models) {
            System.out.println("[rpt] model " + model.label() + ": "
                    + usageLine(model.ledger().snapshot()));
        }
        System.out.println("[rpt] all models: " + usageLine(totalUsage()) + "; report " + lastRun.toAbsolutePath());
    }

    private static String usageLine(UsageSnapshot usage) {
        return usage.calls() + " calls (" + usage.cachedCalls() + " cached"
                + usage.cachedAnswers().describe(java.time.Instant.now()) + ", " + usage.errors() + " failed), "
                + usage.usage().totalTokens() + " tokens, cost "
                + (usage.costUsd().isPresent()
                        ? String.format(Locale.ROOT, "$%.4f", usage.costUsd().getAsDouble())
                        : "unknown");
    }

    private static Map<String, String> rptKeys(ExecutionRequest request, RptConfig config) {
        Map<String, String> keys = new HashMap<>();
        for (String key : request.getConfigurationParameters().keySet()) {
            if (key.startsWith(RptConstants.PREFIX)) {
                config.string(key).ifPresent(value -> keys.put(key, value));
            }
        }
        return keys;
    }

    private static int countCases(org.junit.platform.engine.TestDescriptor root) {
        return (int) root.getDescendants().stream()
                .filter(CaseDescriptor.class::isInstance)
                .count();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "rpt-model-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
