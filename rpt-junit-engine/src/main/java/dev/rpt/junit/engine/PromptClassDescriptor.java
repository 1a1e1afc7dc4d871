package dev.rpt.junit.engine;

import dev.rpt.api.ConfidenceMode;
import dev.rpt.api.PromptTest;
import dev.rpt.core.cases.CaseProblem;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.core.thresholds.ToolBounds;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** A prompt test class: its prompt, confidence mode and thresholds; its children are case methods and thresholds. */
final class PromptClassDescriptor extends AbstractTestDescriptor implements Node<RptExecutionContext> {

    static final String SEGMENT = "class";

    private final Class<?> testClass;
    private final LoadedPrompt prompt;
    private final ConfidenceMode confidence;
    private final int samples;
    private final MetricBounds thresholds;
    private final BadRows badRows;
    /** The problems found in each case method's cases, by method key: a method resolved again replaces its own. */
    private final Map<String, List<CaseProblem>> caseProblems = new LinkedHashMap<>();

    PromptClassDescriptor(
            UniqueId uniqueId,
            Class<?> testClass,
            LoadedPrompt prompt,
            ConfidenceMode confidence,
            int samples,
            MetricBounds thresholds,
            BadRows badRows) {
        super(uniqueId, testClass.getSimpleName(), ClassSource.from(testClass));
        this.testClass = testClass;
        this.prompt = prompt;
        this.confidence = confidence;
        this.samples = samples;
        this.thresholds = thresholds;
        this.badRows = badRows;
    }

    /** Records the problems found in one case method's cases at discovery. */
    void caseProblems(String methodKey, List<CaseProblem> problems) {
        caseProblems.put(methodKey, List.copyOf(problems));
    }

    /** Every problem found in the class's cases, method by method, in the order found. */
    List<CaseProblem> caseProblems() {
        return caseProblems.values().stream().flatMap(List::stream).toList();
    }

    /** The bad rows this run leaves out under {@code rpt.cases.bad-rows=skip}; none when the class fails on them. */
    List<CaseProblem> skippedRows() {
        return badRows == BadRows.SKIP ? caseProblems() : List.of();
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /**
     * A class whose prompt or cases cannot be used keeps its place in the plan although it may have no case left, so
     * that it fails when it runs (JUnit prunes containers without tests otherwise, and the problem would go unseen).
     */
    @Override
    public boolean mayRegisterTests() {
        return prompt.file().isEmpty() || !caseProblems.isEmpty();
    }

    @Override
    public String getLegacyReportingName() {
        return testClass.getName();
    }

    Class<?> testClass() {
        return testClass;
    }

    LoadedPrompt prompt() {
        return prompt;
    }

    ConfidenceMode confidence() {
        return confidence;
    }

    int samples() {
        return samples;
    }

    MetricBounds thresholds() {
        return thresholds;
    }

    /** {@code @Thresholds(minKappa)}: the judge's minimum agreement with people, beyond chance, per criterion. */
    java.util.OptionalDouble minKappa() {
        dev.rpt.api.Thresholds bounds = testClass.getAnnotation(dev.rpt.api.Thresholds.class);
        return bounds == null || Double.isNaN(bounds.minKappa())
                ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(bounds.minKappa());
    }

    /** {@code @Thresholds(minMetRate)}: the least met rate of each judged criterion. */
    java.util.OptionalDouble minMetRate() {
        dev.rpt.api.Thresholds bounds = testClass.getAnnotation(dev.rpt.api.Thresholds.class);
        return bounds == null || Double.isNaN(bounds.minMetRate())
                ? java.util.OptionalDouble.empty()
                : java.util.OptionalDouble.of(bounds.minMetRate());
    }

    /** {@code @Thresholds(minToolSelection, minToolArguments)}: the class's bounds on its tool use. */
    ToolBounds toolBounds() {
        dev.rpt.api.Thresholds bounds = testClass.getAnnotation(dev.rpt.api.Thresholds.class);
        if (bounds == null) {
            return ToolBounds.NONE;
        }
        try {
            return ToolBounds.of(bounds.minToolSelection(), bounds.minToolArguments());
        } catch (IllegalArgumentException e) {
            // Reported at discovery (PromptDescriptors); the class fails there.
            return ToolBounds.NONE;
        }
    }

    /**
     * Whether the class has a thresholds test: a metric bound, a bound on the judge's agreement or met rates, or on
     * its tool use.
     */
    boolean hasThresholds() {
        return !thresholds.isEmpty()
                || minKappa().isPresent()
                || minMetRate().isPresent()
                || toolBounds().count() > 0;
    }

    String promptResource() {
        return testClass.getAnnotation(PromptTest.class).prompt();
    }

    List<CaseDescriptor> cases() {
        return getChildren().stream()
                .filter(PromptMethodDescriptor.class::isInstance)
                .flatMap(method -> method.getChildren().stream())
                .map(CaseDescriptor.class::cast)
                .collect(Collectors.toList());
    }

    /** What the run report states about this class on one model. */
    ClassInfo info(Optional<String> model) {
        return new ClassInfo(
                testClass.getName(),
                promptResource(),
                prompt.sha256(),
                thresholds,
                model,
                minKappa(),
                minMetRate(),
                skippedRows(),
                toolBounds());
    }

    /** The models this class runs on in this run: those of its selected cases and thresholds tests. */
    Set<Optional<String>> selectedModels() {
        Set<Optional<String>> models = new HashSet<>();
        cases().forEach(c -> models.add(c.model()));
        getChildren().stream()
                .filter(ThresholdsDescriptor.class::isInstance)
                .map(ThresholdsDescriptor.class::cast)
                .forEach(t -> models.add(t.model()));
        return models;
    }

    @Override
    public RptExecutionContext before(RptExecutionContext context) {
        prompt.file().orElseThrow(() -> new PromptUnavailableException(prompt.problem()));
        var failure = badRows.failure(testClass.getSimpleName(), caseProblems());
        if (failure.isPresent()) {
            throw failure.get();
        }
        return context.withClassRun(context.session().startClass(this));
    }

    @Override
    public void after(RptExecutionContext context) {
        if (context.hasSession()) {
            context.session().classFinished(this);
        }
    }

    static PromptClassDescriptor of(TestDescriptor descriptor) {
        return (PromptClassDescriptor) descriptor;
    }
}
