package dev.rpt.junit.engine;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Per-case progress for runs that take a while: silent for the first few seconds, then one line every few seconds
 * with the cases done, those to go, and the elapsed time.
 */
final class Progress {

    static final long QUIET_NANOS = 5_000_000_000L;

    private final Consumer<String> out;
    private final LongSupplier clock;
    private final long start;
    private long lastLine;
    private int done;

    Progress(Consumer<String> out) {
        this(out, System::nanoTime);
    }

    Progress(Consumer<String> out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    /** Counts a finished case; prints a line when the last one is more than a few seconds old. */
    void caseDone(int waiting) {
        done++;
        long now = clock.getAsLong();
        if (now - lastLine >= QUIET_NANOS) {
            lastLine = now;
            out.accept(String.format(
                    Locale.ROOT, "[rpt] %d cases done, %d to go; %.1f s", done, waiting, (now - start) / 1e9));
        }
    }
}
