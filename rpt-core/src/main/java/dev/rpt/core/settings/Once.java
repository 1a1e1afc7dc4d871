package dev.rpt.core.settings;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value read from configuration the first time it is asked for and kept: settings are resolved once per run, but a
 * setting the run never reads (the batch settings of a run without batches) never fails it. A read that fails is not
 * kept, so every caller sees the same error.
 */
final class Once<T> implements Supplier<T> {

    private final Supplier<T> read;
    private volatile T value;

    Once(Supplier<T> read) {
        this.read = Objects.requireNonNull(read, "read");
    }

    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = Objects.requireNonNull(read.get(), "a setting read as null");
                    value = current;
                }
            }
        }
        return current;
    }
}
