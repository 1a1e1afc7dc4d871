package dev.rpt.core.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.thresholds.Thresholds;
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
     *     Thresholds#NONE} when none declares any
     */
    public static Thresholds strictest(List<ClassInfo> classes, String prompt) {
        List<Thresholds> bounds = classes.stream()
                .filter(info -> info.promptPath().equals(prompt))
                .map(ClassInfo::thresholds)
                .toList();
        return new Thresholds(
                merge(bounds, Thresholds::minAccuracy, Math::max),
                merge(bounds, Thresholds::maxEce, Math::min),
                merge(bounds, Thresholds::maxBrier, Math::min),
                merge(bounds, Thresholds::maxErrorRate, Math::min));
    }

    private static OptionalDouble merge(
            List<Thresholds> bounds, Function<Thresholds, OptionalDouble> bound, DoubleBinaryOperator strictest) {
        return bounds.stream()
                .map(bound)
                .filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble)
                .reduce(strictest);
    }
}
