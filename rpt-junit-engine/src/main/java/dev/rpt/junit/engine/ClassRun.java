package dev.rpt.junit.engine;

import dev.rpt.api.Answer;
import dev.rpt.api.Judgement;
import dev.rpt.api.PromptCase;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.config.ModelTarget;
import dev.rpt.core.eval.PromptEvaluator;
import dev.rpt.core.judge.HumanLabels;
import dev.rpt.core.judge.Judge;
import dev.rpt.core.model.Excerpt;
import dev.rpt.core.model.ProviderStoppedException;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.report.ToolUse;
import dev.rpt.core.verdict.ClassRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The cases of one prompt test class being run. When the class starts, the model calls of its first {@code
 * rpt.cases-ahead} cases are submitted, bounded by {@code rpt.concurrency}; each case then waits for its own answers and runs the
 * user's assertions on the engine thread, so reporting stays sequential and deterministic, and each case done
 * submits the next one's calls. The window keeps the model busy (it is many times any concurrency) while answers that
 * arrive faster than assertions run cannot pile up: with 100,000 cases and a fast server, all of them would otherwise
 * wait in memory for their turn. It travels on the execution context from the class to its cases, so no state of a
 * class outlives it.
 */
final class ClassRun {

    /** How many cases' calls are submitted ahead of the case being asserted, unless {@code rpt.cases-ahead} says. */
    static final int DEFAULT_AHEAD = 1024;

    private final Map<CaseDescriptor, List<CompletableFuture<Evaluated>>> pending = new HashMap<>();
    /** Each case's submission, in run order, until it is submitted. */
    private final Map<CaseDescriptor, Supplier<List<CompletableFuture<Evaluated>>>> waiting = new LinkedHashMap<>();

    /** The models of this class whose provider rpt stopped calling before every case was answered. */
    private final Set<Optional<String>> stopped = new HashSet<>();

    private final PromptClassDescriptor testClass;
    private final Predicate<Optional<String>> informational;
    private final RunReportWriter report;
    private final ConsoleReport console;
    private final HumanLabels labels;
    private final Progress progress;
    private final int ahead;

    private ClassRun(
            PromptClassDescriptor testClass,
            Predicate<Optional<String>> informational,
            RunReportWriter report,
            ConsoleReport console,
            Progress progress,
            HumanLabels labels,
            int ahead) {
        this.ahead = ahead;
        this.labels = labels;
        this.testClass = testClass;
        this.informational = informational;
        this.report = report;
        this.console = console;
        this.progress = progress;
    }

    /**
     * Starts every model call of the class's cases, {@code repeat} samples each, each case on its model.
     *
     * @param evaluators the evaluator of each of the run's models, by name (one empty name for an unnamed model)
     * @param informational whether a model is informational: its cases never fail the build
     * @param ahead how many cases' calls may run ahead of the case being asserted ({@code rpt.cases-ahead})
     */
    static ClassRun start(
            PromptClassDescriptor testClass,
            Map<Optional<String>, PromptEvaluator> evaluators,
            Predicate<Optional<String>> informational,
            int repeat,
            ExecutorService executor,
            RunReportWriter report,
            ConsoleReport console,
            Progress progress,
            Optional<Judge> judge,
            HumanLabels labels,
            int ahead) {
        ClassRun run = new ClassRun(testClass, informational, report, console, progress, labels, ahead);
        var prompt = testClass.prompt().file().orElseThrow();
        Map<java.lang.reflect.Method, List<DeclaredCriterion>> criteria = new HashMap<>();
        for (CaseDescriptor descriptor : testClass.cases()) {
            PromptCase promptCase = descriptor.promptCase();
            PromptEvaluator evaluator = evaluators.get(descriptor.model());
            List<DeclaredCriterion> judged = criteria.computeIfAbsent(
                    descriptor.method(), method -> DeclaredCriterion.of(testClass.testClass(), method));
            run.waiting.put(descriptor, () -> {
                List<CompletableFuture<Evaluated>> samples = new ArrayList<>(repeat);
                for (int sample = 0; sample < repeat; sample++) {
                    int index = sample;
                    CompletableFuture<Evaluated> answered = CompletableFuture.supplyAsync(
                            () -> {
                                long start = System.nanoTime();
                                try {
                                    Answer answer = evaluator.evaluate(prompt, promptCase.vars(), index);
                                    return Evaluated.answered(answer, elapsedMs(start));
                                } catch (ProviderStoppedException e) {
                                    return Evaluated.failed(
                                            e.forRole(descriptor
                                                    .model()
                                                    .map(name -> "the model under test '" + name + "'")
                                                    .orElse("the model under test")),
                                            elapsedMs(start));
                                } catch (RuntimeException e) {
                                    return Evaluated.failed(e, elapsedMs(start));
                                }
                            },
                            executor);
                    samples.add(
                            judged.isEmpty()
                                    ? answered
                                    : answered.thenCompose(evaluated ->
                                            judge(evaluated, judged, judge, prompt, promptCase, index, executor)));
                }
                return samples;
            });
        }
        run.submitAhead();
        return run;
    }

    /** Whether rpt stopped calling the provider of a model before every case of this class was answered. */
    boolean stopped(Optional<String> model) {
        return stopped.contains(model);
    }

    /** Submits the calls of waiting cases, in run order, until {@code ahead} cases are submitted and not asserted. */
    private void submitAhead() {
        var next = waiting.entrySet().iterator();
        while (pending.size() < ahead && next.hasNext()) {
            var entry = next.next();
            pending.put(entry.getKey(), entry.getValue().get());
            next.remove();
        }
    }

    /**
     * Asks the judge about every criterion of an answered sample, each call on its own, without blocking a worker: the
     * assertions run one case at a time, and a judge called from them would serialize every call. A failed call, or
     * a verdict that cannot be read, errors the sample.
     */
    private static CompletableFuture<Evaluated> judge(
            Evaluated evaluated,
            List<DeclaredCriterion> criteria,
            Optional<Judge> judge,
            dev.rpt.prompt.PromptFile prompt,
            PromptCase promptCase,
            int sample,
            ExecutorService executor) {
        if (evaluated.answer().isEmpty()) {
            return CompletableFuture.completedFuture(evaluated);
        }
        Answer answer = evaluated.answer().get();
        String input;
        try {
            input = prompt.render(promptCase.vars()).user();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Evaluated.failed(e, evaluated.latencyMs()));
        }
        List<CompletableFuture<Judgement>> verdicts = new ArrayList<>();
        for (DeclaredCriterion criterion : criteria) {
            verdicts.add(CompletableFuture.supplyAsync(
                    () -> judge.orElseThrow()
                            .judge(
                                    criterion.id(),
                                    criterion.render(promptCase.vars()),
                                    input,
                                    criterion.graded(answer),
                                    sample),
                    executor));
        }
        return CompletableFuture.allOf(verdicts.toArray(CompletableFuture[]::new))
                .handle((done, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                        return Evaluated.failed(
                                cause instanceof ProviderStoppedException stopped
                                        ? stopped.forRole("the judge")
                                        : cause instanceof RuntimeException runtime
                                                ? runtime
                                                : new IllegalStateException(cause),
                                evaluated.latencyMs());
                    }
                    return Evaluated.answered(
                            answer.withJudgements(verdicts.stream()
                                    .map(CompletableFuture::join)
                                    .toList()),
                            evaluated.latencyMs());
                });
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
        if (resolved.kind() == CaseResolution.Kind.NOT_SENT) {
            // One failure per class and model says why; the other cases never sent are aborted with the reason, so
            // that a provider that is gone is one failure, not one per case.
            boolean first = stopped.add(descriptor.model());
            resolved = CaseResolution.notSent(
                    resolved,
                    first,
                    descriptor.testClass().testClass().getSimpleName() + ModelTarget.suffix(descriptor.model()));
        }
        console.caseResolved(
                descriptor.testClass().testClass().getName() + ModelTarget.suffix(descriptor.model()),
                descriptor.getLegacyReportingName(),
                resolved);
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
        var own = waiting.remove(descriptor);
        // A case run out of order (a single test selected again) submits its own calls now.
        List<CompletableFuture<Evaluated>> samples = own != null ? own.get() : pending.remove(descriptor);
        submitAhead();
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
        CaseResolution.Resolved resolved = CaseResolution.resolve(
                promptCase.id(),
                testClass.testClass().getName(),
                ClassRules.of(testClass.thresholds()),
                promptCase.mustPass(),
                new CaseResolution.Samples(samples.size(), passed, wrong, modelError, testCodeError));
        return informational.test(descriptor.model())
                ? CaseResolution.informational(resolved, descriptor.model().orElseThrow())
                : resolved;
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
                    Optional.of(CaseRecord.Failure.of(failure, message(failure))),
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
        report.record(CaseRecord.builder(
                        descriptor.testClass().testClass().getName(),
                        descriptor.method().getName(),
                        promptCase.id())
                .split(promptCase.split())
                .vars(promptCase.vars())
                .verdict(verdict)
                .answer(given.map(Answer::text))
                .confidence(
                        verdict == Verdict.ERRORED
                                ? OptionalDouble.empty()
                                : given.map(Answer::confidence).orElse(OptionalDouble.empty()))
                .formatError(verdict != Verdict.ERRORED
                        && given.map(Answer::formatError).orElse(false))
                .failure(failure)
                .error(error)
                .usage(given.map(Answer::usage).orElse(Usage.ZERO))
                .cached(given.map(Answer::cached).orElse(false))
                .latencyMs(evaluated.latencyMs())
                .justification(given.flatMap(Answer::justification))
                .sample(sample)
                .mustPass(promptCase.mustPass())
                .model(descriptor.model())
                .judgements(given.map(Answer::judgements).orElse(List.of()))
                .labels(labels(descriptor, given))
                .tools(ToolUse.of(declaresTools(), given, promptCase.vars()))
                .build());
    }

    private boolean declaresTools() {
        return testClass
                .prompt()
                .file()
                .map(file -> !file.frontMatter().tools().tools().isEmpty())
                .orElse(false);
    }

    /** The labels file's verdicts on a judged answer, on the criteria the judge graded. */
    private Map<String, Boolean> labels(CaseDescriptor descriptor, Optional<Answer> answer) {
        if (labels.isEmpty() || answer.isEmpty() || answer.get().judgements().isEmpty()) {
            return Map.of();
        }
        Map<String, Boolean> all = labels.verdicts(
                descriptor.testClass().testClass().getName(),
                descriptor.promptCase().id(),
                answer.get().text());
        Map<String, Boolean> judged = new TreeMap<>();
        answer.get().judgements().forEach(j -> {
            Boolean verdict = all.get(j.criterion());
            if (verdict != null) {
                judged.put(j.criterion(), verdict);
            }
        });
        return judged;
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? "(no message)" : Excerpt.of(error.getMessage(), 2000);
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
