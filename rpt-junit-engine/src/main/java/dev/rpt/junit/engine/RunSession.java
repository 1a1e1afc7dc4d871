package dev.rpt.junit.engine;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.eval.EvaluationSettings;
import dev.rpt.core.eval.PromptEvaluator;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.Excerpt;
import dev.rpt.core.model.runtime.ChatModels;
import dev.rpt.core.model.runtime.ConcurrencyLimiter;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.core.thresholds.ThresholdResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.reporting.FileEntry;

/**
 * One execution of the engine, from the first class to the last: the model, the threads its calls run on, the run
 * report, and what is printed. Each class's cases run in a {@link ClassRun}, which travels on the execution context.
 */
final class RunSession {

    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ExecutionRequest request;
    private final ChatModel model;
    private final UsageLedger ledger;
    private final ExecutorService executor;
    private final RunReportWriter report;
    private final Path reportDirectory;
    private final RptConfig config;
    private final int repeat;
    private final List<ClassInfo> classes = new ArrayList<>();
    private final CheckMode checkMode;
    private final Progress progress;
    private final ConsoleReport console;

    private RunSession(
            ExecutionRequest request,
            RptConfig config,
            ChatModel model,
            UsageLedger ledger,
            ExecutorService executor,
            Path reportDirectory,
            RunReportWriter report) {
        this.request = request;
        this.config = config;
        this.repeat = config.integer(RptConstants.REPEAT, 1, 1000).orElse(1);
        this.checkMode = CheckMode.from(config);
        this.progress = new Progress(System.out::println, countCases(request.getRootTestDescriptor()));
        this.console = new ConsoleReport(
                System.out::println,
                config.integer(RptConstants.OUTPUT_MAX_CASE_LINES, 0, 100_000).orElse(20));
        this.model = model;
        this.ledger = ledger;
        this.executor = executor;
        this.reportDirectory = reportDirectory;
        this.report = report;
    }

    static RunSession start(ExecutionRequest request, RptEngineDescriptor engine) {
        RptConfig config = engine.config();
        UsageLedger ledger = UsageLedger.from(config);
        ConcurrencyLimiter limiter = ConcurrencyLimiter.from(config);
        MetricsOptions metrics = MetricsOptions.from(config);
        Path reportDirectory = Path.of(config.string(RptConstants.REPORT_DIR).orElse("target/rpt"));
        ChatModel model = ChatModels.create(config, System::getenv, ledger, limiter);
        ExecutorService executor = Executors.newFixedThreadPool(limiter.limit(), daemonThreads());
        Instant now = Instant.now();
        String runId = RUN_ID.format(now) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        try {
            RunReportWriter report = RunReportWriter.start(
                    reportDirectory,
                    new RunHeader(runId, now, model.info(), RunHeader.redact(rptKeys(request, config))),
                    metrics);
            if (model.info().simulated()) {
                System.out.println("[rpt] SIMULATOR: answers come from the offline simulator "
                        + model.info().label()
                        + ", not from a real model. Its numbers say nothing about any real model.");
            }
            return new RunSession(request, config, model, ledger, executor, reportDirectory, report);
        } catch (IOException e) {
            executor.shutdownNow();
            model.close();
            throw new UncheckedIOException(
                    "rpt cannot write its report under " + reportDirectory.toAbsolutePath()
                            + ". Check that the directory is writable, or set " + RptConstants.REPORT_DIR + ".",
                    e);
        }
    }

    /**
     * Starts a class: records it for the report and starts every model call of its cases. What the class's cases need
     * travels on the execution context as the returned {@link ClassRun}.
     */
    ClassRun startClass(PromptClassDescriptor testClass) {
        classes.add(new ClassInfo(
                testClass.testClass().getName(),
                testClass.promptResource(),
                testClass.prompt().sha256(),
                testClass.thresholds()));
        PromptEvaluator evaluator = new PromptEvaluator(model, evaluationSettings(testClass));
        return ClassRun.start(testClass, evaluator, repeat, executor, report, console, progress);
    }

    private EvaluationSettings evaluationSettings(PromptClassDescriptor testClass) {
        return new EvaluationSettings(
                testClass.confidence(),
                testClass.samples(),
                config.temperature().orElse(null),
                config.integer(RptConstants.MAX_TOKENS, 1, 1_000_000).orElse(1024),
                config.longValue(RptConstants.SEED).orElse(null));
    }

    /**
     * Checks a class's thresholds on every sample of the cases it ran, in {@code rpt.check.mode}, as {@code rpt:check}
     * does. The first line of the failure carries the measured values, because build tools keep only that line in
     * their summaries.
     */
    void checkThresholds(PromptClassDescriptor testClass) {
        ThresholdResult result = thresholdResult(testClass.testClass().getName(), testClass.thresholds());
        if (!result.passed()) {
            AssertionError failure = new AssertionError(testClass.testClass().getSimpleName()
                    + " is below its thresholds: " + result.measuredLine() + "\n  - "
                    + String.join("\n  - ", result.violations())
                    + "\nSee " + reportDirectory.resolve(RunReportWriter.LAST_RUN)
                    + " for every case. Improve the prompt (or run mvn rpt:tune), or lower the bar in @Thresholds.");
            failure.setStackTrace(new StackTraceElement[0]);
            throw failure;
        }
    }

    /** After a class's last test: the line that counts its cases past the console cap. */
    void classFinished(PromptClassDescriptor testClass) {
        console.classFinished(testClass.testClass().getName());
    }

    private ThresholdResult thresholdResult(String className, MetricBounds thresholds) {
        return thresholds.check(report.classMetrics(className), checkMode);
    }

    /** Completes the report, prints a summary and releases the model. */
    void finish(RptEngineDescriptor engine) throws IOException {
        try {
            executor.shutdownNow();
            Path runFile = report.finish(classes, ledger.snapshot());
            Path lastRun = reportDirectory.resolve(RunReportWriter.LAST_RUN);
            request.getEngineExecutionListener()
                    .fileEntryPublished(engine, FileEntry.from(lastRun, "application/json"));
            printSummary(lastRun);
        } finally {
            report.close();
            model.close();
        }
    }

    private void printSummary(Path lastRun) {
        List<ConsoleReport.ClassRow> rows = new ArrayList<>();
        for (ClassInfo info : classes) {
            rows.add(new ConsoleReport.ClassRow(
                    info.className(),
                    report.classMetrics(info.className()),
                    info.thresholds().isEmpty()
                            ? Optional.empty()
                            : Optional.of(thresholdResult(info.className(), info.thresholds()))));
        }
        console.summary(rows);
        System.out.println(
                "[rpt] model " + model.info().label() + ", " + usageLine() + "; report " + lastRun.toAbsolutePath());
    }

    private String usageLine() {
        var usage = ledger.snapshot();
        return usage.calls() + " calls (" + usage.cachedCalls() + " cached, " + usage.errors() + " failed), "
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

    private static String message(Throwable error) {
        return error.getMessage() == null ? "(no message)" : Excerpt.of(error.getMessage(), 2000);
    }

    private static int countCases(org.junit.platform.engine.TestDescriptor root) {
        return (int) root.getDescendants().stream()
                .filter(CaseDescriptor.class::isInstance)
                .count();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "rpt-model-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
