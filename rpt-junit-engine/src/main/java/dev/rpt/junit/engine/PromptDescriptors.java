package dev.rpt.junit.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.rpt.api.ConfidenceMode;
import dev.rpt.api.PromptCase;
import dev.rpt.api.PromptTest;
import dev.rpt.core.cases.CaseProblem;
import dev.rpt.core.cases.HoldoutSplit;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.judge.JudgeAgreement;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import dev.rpt.prompt.PromptVariable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/**
 * Builds the descriptors of prompt test classes, their case methods and thresholds tests, reporting misconfiguration
 * as {@link DiscoveryIssue}s: what the selector resolvers share.
 */
final class PromptDescriptors {

    private final DiscoveryIssueReporter issues;
    private final RptConfig config;
    private final List<Optional<String>> models;
    private final BadRows badRows;
    private final Map<String, String> promptTexts;

    PromptDescriptors(
            DiscoveryIssueReporter issues,
            RptConfig config,
            List<Optional<String>> models,
            Map<String, String> promptTexts) {
        this.issues = issues;
        this.config = config;
        this.models = List.copyOf(models);
        this.badRows = BadRows.from(config);
        this.promptTexts = promptTexts;
    }

    DiscoveryIssueReporter issues() {
        return issues;
    }

    /** Whether {@code rpt.run.prompt} lets this class run: unset, or naming the class's prompt resource. */
    boolean runsPrompt(Class<?> testClass) {
        return config.string(RptConstants.RUN_PROMPT)
                .map(only ->
                        only.equals(testClass.getAnnotation(PromptTest.class).prompt()))
                .orElse(true);
    }

    PromptClassDescriptor classDescriptor(TestDescriptor parent, Class<?> testClass) {
        PromptTest annotation = testClass.getAnnotation(PromptTest.class);
        ClassSource source = ClassSource.from(testClass);
        // A prompt that cannot be loaded fails its class when it runs (PromptClassDescriptor.before), not discovery:
        // a discovery error would stop every class of the run.
        LoadedPrompt prompt = LoadedPrompt.load(testClass, annotation.prompt(), config, promptTexts);
        MetricBounds thresholds = MetricBounds.NONE;
        dev.rpt.api.Thresholds bounds = testClass.getAnnotation(dev.rpt.api.Thresholds.class);
        if (bounds != null) {
            try {
                thresholds = MetricBounds.of(
                        bounds.minAccuracy(), bounds.maxEce(), bounds.maxBrier(), bounds.maxErrorRate());
            } catch (IllegalArgumentException e) {
                issues.reportIssue(DiscoveryIssue.builder(
                                Severity.ERROR,
                                "@Thresholds of " + testClass.getSimpleName() + ": " + e.getMessage()
                                        + ". Every bound is a share between 0 and 1.")
                        .source(source));
            }
            if (!Double.isNaN(bounds.minKappa()) && !(bounds.minKappa() >= -1 && bounds.minKappa() <= 1)) {
                issues.reportIssue(DiscoveryIssue.builder(
                                Severity.ERROR,
                                "@Thresholds(minKappa = " + bounds.minKappa() + ") of " + testClass.getSimpleName()
                                        + ": Cohen's kappa lies between -1 and 1; 0.6 is a common bar for a judge.")
                        .source(source));
            }
            if (!Double.isNaN(bounds.minMetRate()) && !(bounds.minMetRate() >= 0 && bounds.minMetRate() <= 1)) {
                issues.reportIssue(DiscoveryIssue.builder(
                                Severity.ERROR,
                                "@Thresholds(minMetRate = " + bounds.minMetRate() + ") of " + testClass.getSimpleName()
                                        + ": a met rate is a share between 0 and 1.")
                        .source(source));
            }
            for (String key : List.of("minToolSelection", "minToolArguments")) {
                double value = key.equals("minToolSelection") ? bounds.minToolSelection() : bounds.minToolArguments();
                if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
                    issues.reportIssue(DiscoveryIssue.builder(
                                    Severity.ERROR,
                                    "@Thresholds(" + key + " = " + value + ") of " + testClass.getSimpleName()
                                            + ": a tool-use rate is a share between 0 and 1.")
                            .source(source));
                }
            }
        }
        ConfidenceMode confidence = config.choice(
                        RptConstants.CONFIDENCE, List.of("verbalized", "logprobs", "consistency"))
                .map(mode -> ConfidenceMode.valueOf(mode.toUpperCase(Locale.ROOT)))
                .orElse(annotation.confidence());
        int samples = config.integer(RptConstants.CONFIDENCE_SAMPLES, 2, 50).orElse(annotation.samples());
        if (confidence == ConfidenceMode.CONSISTENCY && samples < 2) {
            issues.reportIssue(DiscoveryIssue.builder(
                            Severity.ERROR,
                            "@PromptTest(samples = " + samples + ") of " + testClass.getSimpleName()
                                    + ": consistency confidence needs at least 2 samples.")
                    .source(source));
            samples = 2;
        }
        return new PromptClassDescriptor(
                parent.getUniqueId().append(PromptClassDescriptor.SEGMENT, testClass.getName()),
                testClass,
                prompt,
                confidence,
                samples,
                thresholds,
                badRows);
    }

    /**
     * A case method with its cases. Rows that could not be read, and cases that lack a variable the prompt or a
     * criterion needs, are recorded as the class's problems (see {@link BadRows}); under {@code
     * rpt.cases.bad-rows=skip} the cases with a problem are left out of the method.
     */
    PromptMethodDescriptor methodDescriptor(TestDescriptor parent, Class<?> testClass, Method method) {
        PromptClassDescriptor owner = PromptClassDescriptor.of(parent);
        CaseLoader loader = new CaseLoader(issues, holdout(testClass));
        List<PromptCase> loaded = loader.load(testClass, method);
        List<CaseProblem> problems = new ArrayList<>(loader.problems());
        Set<PromptCase> unusable = new HashSet<>();
        owner.prompt().file().ifPresent(prompt -> checkVariables(prompt, loaded, problems, unusable));
        checkCriteria(loaded, testClass, method, problems, unusable);
        owner.caseProblems(PromptTestClass.methodKey(method), problems);
        List<PromptCase> cases =
                loaded.stream().filter(c -> !unusable.contains(c)).toList();
        return new PromptMethodDescriptor(
                parent.getUniqueId().append(PromptMethodDescriptor.SEGMENT, PromptTestClass.methodKey(method)),
                testClass,
                method,
                cases,
                models);
    }

    /**
     * The thresholds test of a class on one model, named by the last segment's value: {@code thresholds} for the
     * unnamed model, the model's name otherwise.
     */
    Optional<ThresholdsDescriptor> thresholdsDescriptor(PromptClassDescriptor owner, String segmentValue) {
        Optional<String> model =
                segmentValue.equals(ThresholdsDescriptor.UNNAMED) ? Optional.empty() : Optional.of(segmentValue);
        return !owner.hasThresholds() || !models.contains(model)
                ? Optional.empty()
                : Optional.of(new ThresholdsDescriptor(
                        thresholdsId(owner, model), owner.testClass(), owner.thresholds(), model));
    }

    private static UniqueId thresholdsId(PromptClassDescriptor owner, Optional<String> model) {
        return owner.getUniqueId().append(ThresholdsDescriptor.SEGMENT, model.orElse(ThresholdsDescriptor.UNNAMED));
    }

    Set<? extends DiscoverySelector> children(PromptClassDescriptor descriptor) {
        Set<DiscoverySelector> children = new LinkedHashSet<>();
        for (Method method : PromptTestClass.caseMethods(descriptor.testClass())) {
            children.add(selectMethod(descriptor.testClass(), method));
        }
        if (descriptor.hasThresholds()) {
            models.forEach(model -> children.add(selectUniqueId(thresholdsId(descriptor, model))));
        }
        return children;
    }

    /** Every case on every model, model by model, so that each model's cases are listed together. */
    static Set<? extends DiscoverySelector> caseSelectors(PromptMethodDescriptor descriptor) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (Optional<String> model : descriptor.models()) {
            for (String id : descriptor.allCases().keySet()) {
                selectors.add(selectUniqueId(descriptor.caseId(model, id)));
            }
        }
        return selectors;
    }

    static Optional<MethodSelector> methodSelector(UniqueId methodId) {
        String className = methodId.removeLastSegment().getLastSegment().getValue();
        String key = methodId.getLastSegment().getValue();
        return ReflectionSupport.tryToLoadClass(className)
                .toOptional()
                .flatMap(testClass -> PromptTestClass.caseMethods(testClass).stream()
                        .filter(method -> PromptTestClass.methodKey(method).equals(key))
                        .findFirst()
                        .map(method -> selectMethod(testClass, method)));
    }

    private HoldoutSplit holdout(Class<?> testClass) {
        double declared = testClass.getAnnotation(PromptTest.class).holdoutFraction();
        try {
            double fraction = declared >= 0
                    ? declared
                    : config.number(RptConstants.HOLDOUT_FRACTION, 0, 1).orElse(HoldoutSplit.DEFAULT_FRACTION);
            return HoldoutSplit.of(
                    fraction, config.string(RptConstants.HOLDOUT_SALT).orElse(HoldoutSplit.DEFAULT_SALT));
        } catch (IllegalArgumentException e) {
            issues.reportIssue(DiscoveryIssue.builder(Severity.ERROR, testClass.getSimpleName() + ": " + e.getMessage())
                    .source(ClassSource.from(testClass)));
            return HoldoutSplit.defaults();
        }
    }

    /**
     * A malformed {@code @Criterion} is an error before any call; a case whose human verdict cannot be read, or that
     * lacks a variable a criterion uses, is a problem of its row.
     */
    private void checkCriteria(
            List<PromptCase> cases,
            Class<?> testClass,
            Method method,
            List<CaseProblem> problems,
            Set<PromptCase> unusable) {
        List<DeclaredCriterion> criteria;
        try {
            criteria = DeclaredCriterion.of(testClass, method);
        } catch (IllegalArgumentException e) {
            issues.reportIssue(DiscoveryIssue.builder(Severity.ERROR, e.getMessage())
                    .source(MethodSource.from(testClass, method)));
            return;
        }
        for (DeclaredCriterion criterion : criteria) {
            for (PromptCase c : cases) {
                try {
                    JudgeAgreement.humanVerdict(c.vars().get(criterion.id()));
                } catch (IllegalArgumentException e) {
                    unusable.add(c);
                    problems.add(problem(
                            c,
                            "the human verdict on criterion '" + criterion.id() + "': " + e.getMessage()
                                    + ". The column named after a criterion's id holds what a person found when"
                                    + " reading the answer"));
                }
                for (String name : criterion.variables()) {
                    if (!c.vars().containsKey(name)) {
                        unusable.add(c);
                        problems.add(problem(
                                c,
                                "lacks the variable '" + name + "' that @Criterion(id = \"" + criterion.id()
                                        + "\") uses; add a '" + name
                                        + "' value (a column) to the cases, or change the criterion's text"));
                    }
                }
            }
        }
    }

    /**
     * A case that lacks a variable the prompt requires cannot be rendered: a problem of its row. The prompt is named
     * as the file the user edits (src/main/resources/...), not the build's copy.
     */
    private static void checkVariables(
            PromptFile prompt, List<PromptCase> cases, List<CaseProblem> problems, Set<PromptCase> unusable) {
        for (String name : prompt.placeholders()) {
            boolean required = prompt.frontMatter()
                    .variable(name)
                    .map(PromptVariable::required)
                    .orElse(true);
            if (!required) {
                continue;
            }
            for (PromptCase c : cases) {
                if (!c.vars().containsKey(name)) {
                    unusable.add(c);
                    problems.add(problem(
                            c,
                            "lacks the variable '" + name + "' that " + prompt.sourceName() + " uses; add a '"
                                    + name + "' value (a column) to the cases, or declare it optional in the"
                                    + " prompt's input.schema (" + name + "?)"));
                }
            }
        }
    }

    /** A problem of a case's row; a case without a line (an inline {@code @Case}) is named by its id. */
    private static CaseProblem problem(PromptCase c, String message) {
        int line = c.origin().line();
        return new CaseProblem(c.origin().file(), line, line > 0 ? message : "case '" + c.id() + "' " + message);
    }
}
