package dev.rpt.core.model.runtime;

import java.math.BigDecimal;
import java.time.Duration;

/** Prints durations the way people read them in an error message: {@code 750ms}, {@code 1.5s}, {@code 120s}. */
final class Durations {

    private Durations() {}

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + "s";
    }
}
