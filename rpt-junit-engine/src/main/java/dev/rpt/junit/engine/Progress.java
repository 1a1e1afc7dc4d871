package dev.rpt.junit.engine;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Per-case progress for runs that take a while: silent for the first few seconds, then one line every few seconds
 * with the cases done out of the whole run's and the elapsed time, e.g. {@code [rpt] 340 of 1,000 cases, 10.2 s}.
 */
final class Progress {

    static final long QUIET_NANOS = 5_000_000_000L;

    private final Consumer<String> out;
    private final LongSupplier clock;
    private final int total;
    private final long start;
    private long lastLine;
    private int done;

    Progress(Consumer<String> out, int total) {
        this(out, total, System::nanoTime);
    }

    Progress(Consumer<String> out, int total, LongSupplier clock) {
        this.out = out;
        this.total = total;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    /** Counts a finished case; prints a line when the last one is more than a few seconds old. */
    void caseDone() {
        done++;
        long now = clock.getAsLong();
        if (now - lastLine >= QUIET_NANOS) {
            lastLine = now;
            out.accept(String.format(Locale.ROOT, "[rpt] %,d of %,d cases, %.1f s", done, total, (now - start) / 1e9));
        }
    }
}
