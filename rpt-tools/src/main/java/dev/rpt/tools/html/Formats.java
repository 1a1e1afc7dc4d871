package dev.rpt.tools.html;

import dev.rpt.core.calibration.Interval;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Formats metric values for display; an undefined value shows as {@value #UNDEFINED}, never as 0. */
final class Formats {

    /** What an undefined value shows as. */
    static final String UNDEFINED = "n/a";

    private Formats() {}

    /** A rate as a percentage with one decimal, e.g. {@code 72.5%}. */
    static String percent(OptionalDouble rate) {
        return rate.isPresent() ? percent(rate.getAsDouble()) : UNDEFINED;
    }

    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** A value such as ECE or Brier with three decimals, e.g. {@code 0.085}. */
    static String decimal(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : UNDEFINED;
    }

    /** An interval of rates as percentages, e.g. {@code [60.1%, 81.3%]}. */
    static String interval(Optional<Interval> interval) {
        return interval.map(i -> "[" + percent(i.lower()) + ", " + percent(i.upper()) + "]")
                .orElse(UNDEFINED);
    }
}
