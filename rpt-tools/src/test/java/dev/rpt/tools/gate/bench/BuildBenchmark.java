package dev.rpt.tools.gate.bench;

import dev.rpt.core.report.RunReport;
import dev.rpt.tools.bench.ExactInterval;
import dev.rpt.tools.gate.Baseline;
import dev.rpt.tools.gate.ClassComparison;
import dev.rpt.tools.gate.RegressionCheck;
import dev.rpt.tools.gate.RegressionOptions;
import dev.rpt.tools.gate.RegressionReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;

/**
 * The gate over a whole build, as a team runs it: one run report of {@code K} prompt test classes (each the 200 GSM8K
 * rows on the simulator, with its own sampling seeds), checked by one {@code rpt:check} against a baseline run of the
 * same build. For each of {@code B} baselines, {@code R} fresh builds are checked: the unchanged build gives the
 * false-alarm rate (with its exact interval) and its spread over baselines, since every build of a project reuses the
 * one committed baseline; a build in which one class lost its step-by-step instruction on a share of its cases gives
 * the power. Simulator numbers say nothing about a real model; they show how the gate behaves under known noise.
 *
 * <p>Runs as a background command, not in CI: {@code java -cp <rpt-tools test classpath>
 * dev.rpt.tools.gate.bench.BuildBenchmark <classes> <baselines> <builds per baseline> <repeat> [alpha [scenarios
 * [models [pooled runs]]]]}, where scenarios is a comma-separated list of the shares of the worse class's cases that
 * lose the step-by-step instruction (0 for the unchanged build; default {@code 0,29,58,87}), models the number of
 * model configurations every class runs on (default 1; the worse class is worse on each), and pooled runs the number
 * of baseline runs pooled into the committed baseline (default 1, {@code rpt.baseline.pool}).
 */
final class BuildBenchmark {

    private BuildBenchmark() {}

    public static void main(String[] args) throws IOException {
        int classes = Integer.parseInt(args[0]);
        int baselines = Integer.parseInt(args[1]);
        int builds = Integer.parseInt(args[2]);
        int repeat = Integer.parseInt(args[3]);
        double alpha = args.length > 4 ? Double.parseDouble(args[4]) : 0.05;
        int[] scenarios = args.length > 5
                ? Arrays.stream(args[5].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {0, 29, 58, 87};
        int models = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        int pooled = args.length > 7 ? Integer.parseInt(args[7]) : 1;
        RegressionCheck check = new RegressionCheck(RegressionOptions.DEFAULTS.withAlpha(alpha));
        SimRun sim = new SimRun();
        Path directory = Files.createTempDirectory("rpt-build-bench");
        long start = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "%d classes of %d cases on %d model(s), %d sample(s) per case, alpha %.3f; %d baselines (each %d"
                        + " pooled run(s)) x %d builds each%n",
                classes,
                sim.size(),
                models,
                repeat,
                alpha,
                baselines,
                pooled,
                builds);
        System.out.println("| scenario | effect on the worse class (accuracy) | builds failed | exact 95% interval"
                + " | per baseline: median, 90th percentile, max |");
        System.out.println("|---|---|---|---|---|");
        for (int broken : scenarios) {
            int percent = broken;
            IntFunction<IntFunction<String>> systemFor = c -> c == 0 && percent > 0
                    ? i -> Math.floorMod(i * 37 + 11, 100) < percent ? Scenario.NO_STEPS : Scenario.BASE
                    : i -> Scenario.BASE;
            IntFunction<String> label = c -> c == 0 && percent > 0 ? "broken-" + percent : Scenario.BASE;
            int[] failedPerBaseline = new int[baselines];
            double[] effect = new double[baselines];
            IntStream.range(0, baselines).parallel().forEach(b -> {
                Path runs = directory.resolve("p" + percent + "-b" + b);
                Baseline baseline = null;
                for (int k = 0; k < pooled; k++) {
                    Baseline run = Baseline.from(sim.runBuild(
                            classes,
                            models,
                            c -> i -> Scenario.BASE,
                            c -> Scenario.BASE,
                            10_000L + b + 100_000L * k,
                            repeat,
                            runs.resolve("baseline-" + k)));
                    baseline = baseline == null ? run : Baseline.pool(baseline, run);
                }
                double sum = 0;
                for (int r = 0; r < builds; r++) {
                    RunReport current = sim.runBuild(
                            classes, models, systemFor, label, 20_000L + b * 1_000L + r, repeat, runs.resolve("r" + r));
                    RegressionReport report = check.compare(baseline, current);
                    failedPerBaseline[b] += report.passed() ? 0 : 1;
                    ClassComparison first = report.classes().get(0);
                    sum += first.metrics().get(0).current()
                            - first.metrics().get(0).baseline();
                    deleteQuietly(runs.resolve("r" + r));
                }
                effect[b] = sum / builds;
            });
            int failed = Arrays.stream(failedPerBaseline).sum();
            int total = baselines * builds;
            ConfidenceInterval exact = ExactInterval.of(failed, total);
            double[] rates = Arrays.stream(failedPerBaseline)
                    .mapToDouble(f -> (double) f / builds)
                    .sorted()
                    .toArray();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %+.3f | %.1f%% (%d/%d) | [%.1f%%, %.1f%%] | %.1f%%, %.1f%%, %.1f%% |%n",
                    percent == 0 ? "unchanged build" : "one class loses step-by-step on " + percent + "% of cases",
                    Arrays.stream(effect).average().orElse(0),
                    100.0 * failed / total,
                    failed,
                    total,
                    100 * exact.getLowerBound(),
                    100 * exact.getUpperBound(),
                    100 * rates[rates.length / 2],
                    100 * rates[(int) Math.floor(0.9 * (rates.length - 1))],
                    100 * rates[rates.length - 1]);
        }
        System.out.printf(Locale.ROOT, "%.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A temporary directory left behind costs nothing here.
        }
    }
}
