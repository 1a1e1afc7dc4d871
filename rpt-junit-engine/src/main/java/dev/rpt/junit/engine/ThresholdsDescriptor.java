package dev.rpt.junit.engine;

import dev.rpt.core.config.ModelTarget;
import dev.rpt.core.thresholds.MetricBounds;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.TestAbortedException;

/**
 * The last test of a class: its {@code @Thresholds}, checked on the metrics of every case it ran. In a run that
 * names its models, a class has one per model, named {@code thresholds[model]}.
 */
final class ThresholdsDescriptor extends AbstractTestDescriptor implements Node<RptExecutionContext> {

    static final String SEGMENT = "thresholds";

    /** The segment's value for the unnamed model; a named model's thresholds test carries the model's name. */
    static final String UNNAMED = "thresholds";

    private final Optional<String> model;

    ThresholdsDescriptor(UniqueId uniqueId, Class<?> testClass, MetricBounds thresholds, Optional<String> model) {
        // A method-style source named "thresholds" gives build tools a test name; there is no such Java method.
        // Surefire names a test without parameters by its source's method, so the model goes into that name too:
        // two tests named "thresholds" would be merged in its counts.
        super(
                uniqueId,
                "[thresholds]" + model.map(name -> " [" + name + "]").orElse("") + " " + thresholds.describe(),
                MethodSource.from(testClass.getName(), "thresholds" + ModelTarget.suffix(model)));
        this.model = model;
    }

    /** The model whose cases' metrics this test checks. */
    Optional<String> model() {
        return model;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public String getLegacyReportingName() {
        return "thresholds" + ModelTarget.suffix(model);
    }

    @Override
    public RptExecutionContext execute(RptExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        if (context.classRun().stopped(model)) {
            // The class's first case not sent has failed with the reason; a verdict on the cases answered before the
            // stop would be a second, misleading failure.
            TestAbortedException notJudged = new TestAbortedException("Not judged: rpt stopped calling the provider"
                    + " before every case of the class was answered; the failure of its first case not sent says"
                    + " why.");
            notJudged.setStackTrace(new StackTraceElement[0]);
            throw notJudged;
        }
        context.session().checkThresholds(PromptClassDescriptor.of(getParent().orElseThrow()), model);
        return context;
    }
}
