package dev.rpt.junit.engine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Captures what a block prints to {@code System.out}, for tests of the engine's console lines. */
public final class StdOut {

    private StdOut() {}

    /** Runs {@code block} with {@code System.out} captured; returns what it returned and what it printed. */
    public static <T> Captured<T> capture(Supplier<T> block) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            T value = block.get();
            return new Captured<>(value, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    /** A block's result and its output. */
    public record Captured<T>(T value, String out) {}
}
