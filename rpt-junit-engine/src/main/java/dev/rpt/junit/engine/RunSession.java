package dev.rpt.junit.engine;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.cases.PromptCase;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.eval.Answer;
import dev.rpt.core.eval.AnswerAssertionError;
import dev.rpt.core.eval.EvaluationSettings;
import dev.rpt.core.eval.PromptEvaluator;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.Excerpt;
import dev.rpt.core.model.Usage;
import dev.rpt.core.model.runtime.ChatModels;
import dev.rpt.core.model.runtime.ConcurrencyLimiter;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunHeader;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.thresholds.ThresholdResult;
import dev.rpt.core.thresholds.Thresholds;
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
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.FileEntry;

/**
 * One execution of the engine: the model, the concurrent calls, and the run report. When a class starts, all its
 * model calls are submitted at once, bounded by {@code rpt.concurrency}; each case then waits for its own answer
 * and runs the user's assertions on the engine thread, so reporting stays sequential and deterministic.
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
    private final Map<UniqueId, List<CompletableFuture<Evaluated>>> pending = new ConcurrentHashMap<>();
    private final Map<PromptClassDescriptor, PromptEvaluator> evaluators = new HashMap<>();
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
        RptConfig config = EngineConfig.from(request.getConfigurationParameters());
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

    /** Starts every model call of a class's cases. */
    void submit(PromptClassDescriptor testClass) {
        PromptEvaluator evaluator = new PromptEvaluator(model, evaluationSettings(testClass));
        evaluators.put(testClass, evaluator);
        classes.add(new ClassInfo(
                testClass.testClass().getName(),
                testClass.promptResource(),
                testClass.prompt().sha256(),
                testClass.thresholds()));
        var prompt = testClass.prompt().file().orElseThrow();
        for (CaseDescriptor descriptor : testClass.cases()) {
            PromptCase promptCase = descriptor.promptCase();
            List<CompletableFuture<Evaluated>> samples = new ArrayList<>(repeat);
            for (int sample = 0; sample < repeat; sample++) {
                int index = sample;
                samples.add(CompletableFuture.supplyAsync(
                        () -> {
                            long start = System.nanoTime();
                            try {
                                Answer answer = evaluator.evaluate(prompt, promptCase.vars(), index);
                                return Evaluated.answered(answer, elapsedMs(start));
                            } catch (RuntimeException e) {
                                return Evaluated.failed(e, elapsedMs(start));
                            }
                        },
                        executor));
            }
            pending.put(descriptor.getUniqueId(), samples);
        }
    }

    /**
     * Waits for a case's answers, runs its assertions on each sample, and records every sample's outcome; then
     * resolves the case's test result (see {@link CaseResolution}). With {@code rpt.repeat=N} a case passes only when
     * all N samples pass (pass^N), and the report keeps each sample's outcome for pass rates.
     */
    void runCase(CaseDescriptor descriptor) {
        CaseResolution.Resolved resolved;
        try {
            resolved = runSamples(descriptor);
        } finally {
            progress.caseDone();
        }
        console.caseResolved(
                descriptor.testClass().testClass().getName(), descriptor.getLegacyReportingName(), resolved);
        // Only unchecked throwables get here: assertion errors, aborts, provider errors, the test code's own.
        Throwable thrown = resolved.thrown().orElse(null);
        if (thrown instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }

    private CaseResolution.Resolved runSamples(CaseDescriptor descriptor) {
        List<CompletableFuture<Evaluated>> samples = pending.remove(descriptor.getUniqueId());
        PromptCase promptCase = descriptor.promptCase();
        AssertionError wrong = null;
        RuntimeException modelError = null;
        Throwable testCodeError = null;
        int passed = 0;
        for (int sample = 0; sample < samples.size(); sample++) {
            Evaluated evaluated = samples.get(sample).join();
            if (evaluated.error().isPresent()) {
                recordError(descriptor, sample, evaluated);
                modelError = modelError == null ? evaluated.error().get() : modelError;
                continue;
            }
            Throwable outcome = runSample(descriptor, sample, evaluated);
            if (outcome == null) {
                passed++;
            } else if (outcome instanceof AssertionError assertion) {
                wrong = wrong == null ? assertion : wrong;
            } else {
                testCodeError = testCodeError == null ? outcome : testCodeError;
            }
        }
        PromptClassDescriptor testClass = descriptor.testClass();
        return CaseResolution.resolve(
                promptCase.id(),
                testClass.testClass().getName(),
                !testClass.thresholds().isEmpty(),
                testClass.thresholds().maxErrorRate().isPresent(),
                promptCase.mustPass(),
                new CaseResolution.Samples(samples.size(), passed, wrong, modelError, testCodeError));
    }

    private void recordError(CaseDescriptor descriptor, int sample, Evaluated evaluated) {
        RuntimeException error = evaluated.error().orElseThrow();
        record(
                descriptor,
                sample,
                Verdict.ERRORED,
                Optional.empty(),
                Optional.empty(),
                Optional.of(new CaseRecord.Failure(error.getClass().getSimpleName(), message(error))),
                evaluated);
    }

    /** Runs one sample's assertions and records it; returns what went wrong, or null when it passed. */
    private Throwable runSample(CaseDescriptor descriptor, int sample, Evaluated evaluated) {
        PromptCase promptCase = descriptor.promptCase();
        Answer answer = evaluated.answer().orElseThrow();
        try {
            Object instance =
                    ReflectionSupport.newInstance(descriptor.testClass().testClass());
            Object[] arguments = ParameterBinder.bind(descriptor.method(), promptCase, answer);
            ReflectionSupport.invokeMethod(descriptor.method(), instance, arguments);
        } catch (AssertionError failure) {
            record(
                    descriptor,
                    sample,
                    Verdict.FAILED,
                    Optional.of(answer),
                    Optional.of(new CaseRecord.Failure(
                            AnswerAssertionError.kindOf(failure).id(), message(failure))),
                    Optional.empty(),
                    evaluated);
            return failure;
        } catch (RuntimeException | Error problem) {
            record(
                    descriptor,
                    sample,
                    Verdict.ERRORED,
                    Optional.of(answer),
                    Optional.empty(),
                    Optional.of(new CaseRecord.Failure(problem.getClass().getSimpleName(), message(problem))),
                    evaluated);
            return problem;
        }
        record(descriptor, sample, Verdict.PASSED, Optional.of(answer), Optional.empty(), Optional.empty(), evaluated);
        return null;
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

    private ThresholdResult thresholdResult(String className, Thresholds thresholds) {
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

    private void record(
            CaseDescriptor descriptor,
            int sample,
            Verdict verdict,
            Optional<Answer> answer,
            Optional<CaseRecord.Failure> failure,
            Optional<CaseRecord.Failure> error,
            Evaluated evaluated) {
        PromptCase promptCase = descriptor.promptCase();
        Optional<Answer> given = answer.or(evaluated::answer);
        report.record(new CaseRecord(
                descriptor.testClass().testClass().getName(),
                descriptor.method().getName(),
                promptCase.id(),
                promptCase.split(),
                promptCase.vars(),
                verdict,
                given.map(Answer::text),
                verdict == Verdict.ERRORED
                        ? OptionalDouble.empty()
                        : given.map(Answer::confidence).orElse(OptionalDouble.empty()),
                verdict != Verdict.ERRORED && given.map(Answer::formatError).orElse(false),
                failure,
                error,
                given.map(Answer::usage).orElse(Usage.ZERO),
                given.map(Answer::cached).orElse(false),
                evaluated.latencyMs(),
                given.flatMap(Answer::justification),
                sample,
                promptCase.mustPass()));
    }

    private EvaluationSettings evaluationSettings(PromptClassDescriptor testClass) {
        return new EvaluationSettings(
                testClass.confidence(),
                testClass.samples(),
                config.number(RptConstants.TEMPERATURE, 0, 2).orElse(0.0),
                config.integer(RptConstants.MAX_TOKENS, 1, 1_000_000).orElse(1024),
                config.longValue(RptConstants.SEED).orElse(null));
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

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
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
