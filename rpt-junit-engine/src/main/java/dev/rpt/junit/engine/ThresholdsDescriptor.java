package dev.rpt.junit.engine;

import dev.rpt.core.thresholds.MetricBounds;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/** The last test of a class: its {@code @Thresholds}, checked on the metrics of every case it ran. */
final class ThresholdsDescriptor extends AbstractTestDescriptor implements Node<RptExecutionContext> {

    static final String SEGMENT = "thresholds";

    ThresholdsDescriptor(UniqueId uniqueId, Class<?> testClass, MetricBounds thresholds) {
        // A method-style source named "thresholds" gives build tools a test name; there is no such Java method.
        super(uniqueId, "[thresholds] " + thresholds.describe(), MethodSource.from(testClass.getName(), "thresholds"));
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public String getLegacyReportingName() {
        return "thresholds";
    }

    @Override
    public RptExecutionContext execute(RptExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        context.session().checkThresholds(PromptClassDescriptor.of(getParent().orElseThrow()));
        return context;
    }
}
