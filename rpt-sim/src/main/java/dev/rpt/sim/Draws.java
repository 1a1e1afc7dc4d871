package dev.rpt.sim;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic uniform draws in [0, 1) from a hash of their inputs: the same inputs give the same draw in every JVM
 * and on every platform (64-bit FNV-1a over UTF-8 bytes, then the SplitMix64 finalizer to spread the bits).
 *
 * @param question the normalized question text
 * @param sample the sampling identity: empty at temperature 0, else seed and sample index
 */
record Draws(String question, String sample) {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Draws that ignore the sample index and seed: the same answer every time. */
    static Draws greedy(String question) {
        return new Draws(question, "");
    }

    /** Independent draws per seed and sample index. A null seed counts as 0. */
    static Draws sampled(String question, Long seed, int sampleIndex) {
        return new Draws(question, "seed=" + (seed == null ? 0L : seed) + ";sample=" + sampleIndex);
    }

    /** The draw for one purpose, e.g. {@code correct} or {@code confidence}. */
    double uniform(String purpose) {
        long hash = FNV_OFFSET;
        hash = mix(hash, question);
        hash = mix(hash, sample);
        hash = mix(hash, purpose);
        return (splitMix(hash) >>> 11) * 0x1.0p-53;
    }

    private static long mix(long hash, String part) {
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        // A separator byte, so that ("ab", "c") and ("a", "bc") hash differently.
        hash ^= 0xff;
        return hash * FNV_PRIME;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
