package dev.rpt.core.model.runtime;

import java.util.random.RandomGenerator;

/** A "random" source that always draws the same number, so jittered delays are exact in tests. */
final class FixedRandom implements RandomGenerator {

    private final double value;

    FixedRandom(double value) {
        this.value = value;
    }

    @Override
    public double nextDouble() {
        return value;
    }

    @Override
    public long nextLong() {
        throw new UnsupportedOperationException("only nextDouble is used for jitter");
    }
}
