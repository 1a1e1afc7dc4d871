package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a tuner's JVM at random points (SIGKILL, no shutdown hooks) and checks what it leaves: the prompt file is
 * always a complete, valid version — the seed or a finished candidate — and {@code resume} completes the tune.
 */
class CrashSafetyTests {

    private static final int KILLS = 20;
    private static final String SEED = InProcessRunner.WEAK_SEED;

    @TempDir
    Path dir;

    @Test
    void promptFileIsAlwaysAValidVersionAndResumeFinishesTheTune() throws Exception {
        long fullRunMillis = timeOneFullRun();
        Random random = new Random(20261124L);
        int resumed = 0;
        for (int round = 0; round < KILLS; round++) {
            Path project = Files.createDirectories(dir.resolve("round-" + round));
            Path promptFile = project.resolve("math.prompt");
            Files.writeString(promptFile, SEED);
            Path record = project.resolve("record");

            Process tune = start(promptFile, record, false);
            long killAfter = (long) (random.nextDouble() * fullRunMillis * 1.1);
            boolean finished = tune.waitFor(killAfter, TimeUnit.MILLISECONDS);
            if (!finished) {
                tune.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }

            assertValidVersion(promptFile, record, "round " + round + " killed after " + killAfter + " ms");
            if (!finished && round % 5 == 0 && Files.isDirectory(record.resolve("iteration-01"))) {
                Process resume = start(promptFile, record, true);
                assertThat(resume.waitFor(120, TimeUnit.SECONDS))
                        .as("resume finishes")
                        .isTrue();
                assertThat(resume.exitValue()).as("resume exit code").isZero();
                assertThat(record.resolve("summary.json"))
                        .as("resume completes the record")
                        .exists();
                assertValidVersion(promptFile, record, "round " + round + " after resume");
                resumed++;
            }
        }
        assertThat(resumed).as("some rounds were resumed").isPositive();
    }

    private long timeOneFullRun() throws Exception {
        Path project = Files.createDirectories(dir.resolve("timing"));
        Path promptFile = project.resolve("math.prompt");
        Files.writeString(promptFile, SEED);
        long start = System.nanoTime();
        Process tune = start(promptFile, project.resolve("record"), false);
        assertThat(tune.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(tune.exitValue()).isZero();
        assertThat(Files.readString(promptFile))
                .as("the uninterrupted tune improves the prompt")
                .isNotEqualTo(SEED);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void assertValidVersion(Path promptFile, Path record, String when) throws IOException {
        String text = Files.readString(promptFile);
        PromptFile.parse(promptFile);
        Set<String> versions = new HashSet<>();
        versions.add(SEED);
        if (Files.isDirectory(record)) {
            try (Stream<Path> files = Files.walk(record)) {
                for (Path candidate : files.filter(
                                p -> p.getFileName().toString().equals("prompt.prompt"))
                        .toList()) {
                    versions.add(Files.readString(candidate));
                }
            }
        }
        assertThat(versions)
                .as("%s: the prompt file holds the seed or a finished candidate", when)
                .contains(text);
    }

    private static Process start(Path promptFile, Path record, boolean resume) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                TuneProcessTestCase.class.getName(),
                promptFile.toString(),
                record.toString()));
        if (resume) {
            command.add("resume");
        }
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(promptFile
                        .resolveSibling(resume ? "resume.log" : "tune.log")
                        .toFile())
                .start();
    }
}
