package dev.rpt.maven;

import dev.rpt.tools.gate.Counter;
import dev.rpt.tools.gate.Element;
import dev.rpt.tools.gate.Limit;
import dev.rpt.tools.gate.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A rule as written in the plugin's {@code <rules>}, in JaCoCo's shape: an element and limits on counters. Maven
 * fills its fields; {@link #toRule()} turns it into the core's immutable rule, naming any bad value.
 */
public class RuleConfig {

    /** {@code RUN}, {@code CLASS} or {@code CASE}. */
    String element = "CLASS";

    /** The limits. */
    List<LimitConfig> limits = new ArrayList<>();

    Rule toRule() {
        List<Limit> converted = new ArrayList<>();
        for (LimitConfig limit : limits) {
            converted.add(limit.toLimit());
        }
        return new Rule(parse(Element.class, element, "element"), converted);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String name) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Invalid <" + name + ">" + value + "</" + name + "> in the rpt:check"
                    + " rules: expected one of " + java.util.Arrays.toString(type.getEnumConstants()) + ".");
        }
    }

    /** A limit as written in the plugin's {@code <limits>}. */
    public static class LimitConfig {

        /** {@code ACCURACY}, {@code PASS_ALL}, {@code ECE}, {@code BRIER}, {@code ERROR_RATE} or {@code COST}. */
        String counter;

        /** The lowest acceptable value, if any. */
        Double minimum;

        /** The highest acceptable value, if any. */
        Double maximum;

        Limit toLimit() {
            return new Limit(
                    parse(Counter.class, counter, "counter"),
                    minimum == null ? OptionalDouble.empty() : OptionalDouble.of(minimum),
                    maximum == null ? OptionalDouble.empty() : OptionalDouble.of(maximum));
        }
    }
}
