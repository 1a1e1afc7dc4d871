package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.thresholds.MetricBounds;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import org.apiguardian.api.API;

/** The goals of one prompt: the thresholds of its test classes, the strictest per bound. */
@API(status = INTERNAL, since = "0.1")
public final class Goals {

    private Goals() {}

    /**
     * @param classes the classes of a run report
     * @param prompt the prompt resource
     * @return the highest minimum and the lowest maxima that any class of the prompt declares; {@link
     *     MetricBounds#NONE} when none declares any
     */
    public static MetricBounds strictest(List<ClassInfo> classes, String prompt) {
        List<MetricBounds> bounds = classes.stream()
                .filter(info -> info.promptPath().equals(prompt))
                .map(ClassInfo::thresholds)
                .toList();
        return new MetricBounds(
                merge(bounds, MetricBounds::minAccuracy, Math::max),
                merge(bounds, MetricBounds::maxEce, Math::min),
                merge(bounds, MetricBounds::maxBrier, Math::min),
                merge(bounds, MetricBounds::maxErrorRate, Math::min));
    }

    private static OptionalDouble merge(
            List<MetricBounds> bounds, Function<MetricBounds, OptionalDouble> bound, DoubleBinaryOperator strictest) {
        return bounds.stream()
                .map(bound)
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .reduce(strictest);
    }
}
