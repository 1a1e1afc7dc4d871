package dev.rpt.junit.engine;

import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.cases.PromptCase;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.eval.Answer;
import dev.rpt.core.eval.AnswerAssertionError;
import dev.rpt.core.eval.EvaluationSettings;
import dev.rpt.core.eval.PromptEvaluator;
import dev.rpt.core.gate.ThresholdResult;
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
    private final Progress progress = new Progress(System.out::println);

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
     * Waits for a case's answers, runs its assertions on each sample, and records every sample's outcome. With one
     * sample the case passes or fails as its assertion does; with {@code rpt.repeat=N} it passes only when all N
     * samples pass (pass^N), and the report keeps each sample's outcome for pass rates.
     */
    void runCase(CaseDescriptor descriptor) {
        try {
            runSamples(descriptor);
        } finally {
            progress.caseDone(pending.size());
        }
    }

    private void runSamples(CaseDescriptor descriptor) {
        List<CompletableFuture<Evaluated>> samples = pending.remove(descriptor.getUniqueId());
        PromptCase promptCase = descriptor.promptCase();
        Throwable firstProblem = null;
        Throwable firstFailure = null;
        int passed = 0;
        for (int sample = 0; sample < samples.size(); sample++) {
            Throwable outcome =
                    runSample(descriptor, sample, samples.get(sample).join());
            if (outcome == null) {
                passed++;
            } else if (outcome instanceof AssertionError) {
                firstFailure = firstFailure == null ? outcome : firstFailure;
            } else {
                firstProblem = firstProblem == null ? outcome : firstProblem;
            }
        }
        String tally = samples.size() == 1 ? "" : " (passed " + passed + " of " + samples.size() + " samples)";
        if (firstProblem != null) {
            throw firstProblem instanceof CaseErroredException errored && tally.isEmpty()
                    ? errored
                    : new CaseErroredException(
                            "Case '" + promptCase.id() + "' errored" + tally + ": " + message(firstProblem),
                            firstProblem);
        }
        if (firstFailure != null) {
            if (tally.isEmpty()) {
                throw (AssertionError) firstFailure;
            }
            throw new AnswerAssertionError(
                    AnswerAssertionError.kindOf(firstFailure),
                    "Case '" + promptCase.id() + "' must pass every sample" + tally + ". First failure: "
                            + firstFailure.getMessage());
        }
    }

    /** Runs one sample's assertions and records it; returns what went wrong, or null when it passed. */
    private Throwable runSample(CaseDescriptor descriptor, int sample, Evaluated evaluated) {
        PromptCase promptCase = descriptor.promptCase();
        if (evaluated.error().isPresent()) {
            RuntimeException error = evaluated.error().get();
            record(
                    descriptor,
                    sample,
                    Verdict.ERRORED,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(new CaseRecord.Failure(error.getClass().getSimpleName(), message(error))),
                    evaluated);
            return new CaseErroredException(
                    "Case '" + promptCase.id() + "' errored before an answer: "
                            + error.getClass().getSimpleName() + ": " + message(error),
                    error);
        }
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

    /** Checks a class's thresholds on the cases it ran. */
    void checkThresholds(PromptClassDescriptor testClass) {
        Metrics metrics = report.classMetrics(testClass.testClass().getName());
        ThresholdResult result = testClass.thresholds().check(metrics);
        if (!result.passed()) {
            throw new AssertionError(testClass.testClass().getSimpleName() + " is below its thresholds ("
                    + result.thresholds().describe() + "):\n  - " + String.join("\n  - ", result.violations())
                    + "\nSee " + reportDirectory.resolve(RunReportWriter.LAST_RUN)
                    + " for every case. Improve the prompt"
                    + " (or run mvn rpt:tune), or lower the bar in @Thresholds.");
        }
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
        for (ClassInfo info : classes) {
            Metrics metrics = report.classMetrics(info.className());
            System.out.println(
                    "[rpt] " + simpleName(info.className()) + " (" + info.promptPath() + "): " + summary(metrics));
        }
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

    private static String summary(Metrics metrics) {
        StringBuilder line = new StringBuilder();
        line.append(metrics.n()).append(" scored, ").append(metrics.errored()).append(" errored");
        metrics.accuracy().ifPresent(a -> line.append(String.format(Locale.ROOT, "; accuracy %.3f", a)));
        metrics.accuracyCi()
                .ifPresent(ci -> line.append(String.format(Locale.ROOT, " [%.3f, %.3f]", ci.lower(), ci.upper())));
        metrics.ece().ifPresent(e -> line.append(String.format(Locale.ROOT, ", ECE %.3f", e)));
        metrics.brier().ifPresent(b -> line.append(String.format(Locale.ROOT, ", Brier %.3f", b)));
        return line.toString();
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
                sample));
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

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
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
