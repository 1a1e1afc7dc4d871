package dev.rpt.tools.gate.bench;

import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.RunReport;
import dev.rpt.tools.bench.ExactInterval;
import dev.rpt.tools.gate.Baseline;
import dev.rpt.tools.gate.Counter;
import dev.rpt.tools.gate.MetricComparison;
import dev.rpt.tools.gate.RegressionCheck;
import dev.rpt.tools.gate.RegressionOptions;
import dev.rpt.tools.gate.RegressionReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * How trustworthy the regression gate is on the simulator: each repetition takes a fresh baseline of the baseline
 * prompt (its own sampling seed), then checks a fresh run of each scenario (another seed) against it, with the rpt
 * gate and with naive gates that compare point estimates. The unchanged prompt gives the false-alarm rate, the others
 * the power. Simulator numbers say nothing about a real model; they show how the gate behaves under known noise.
 *
 * <p>Full run: {@code ./mvnw -B -q -pl rpt-core verify -Dtest=GateBenchmarkTests
 * -Dsurefire.failIfNoSpecifiedTests=false -Drpt.bench.full=true}; the table is printed and written to {@code
 * rpt-core/target/gate-benchmark.md}.
 */
final class GateBenchmark {

    private final int repetitions;
    private final int repeat;
    private final RegressionOptions options;
    private final List<Scenario> scenarios;
    private final long seedOffset;

    /**
     * Runs the full benchmark and prints the table: {@code [repetitions [repeat [alpha [seed offset]]]]}, defaults 200,
     * 1, 0.05 and 0. A seed offset draws other runs than the documented tables, to confirm a setting on seeds it was not
     * chosen on. For launching with a plain {@code java} command; the documented command goes through Surefire
     * instead.
     */
    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int repeat = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        double alpha = args.length > 2 ? Double.parseDouble(args[2]) : 0.05;
        long seedOffset = args.length > 3 ? Long.parseLong(args[3]) : 0;
        long start = System.nanoTime();
        List<Outcome> outcomes = new GateBenchmark(
                        repetitions, repeat, RegressionOptions.DEFAULTS.withAlpha(alpha), Scenario.full(), seedOffset)
                .run();
        System.out.println(table(outcomes));
        System.out.printf(
                Locale.ROOT,
                "alpha %.3f, %d repetitions, %d samples per case, %.0f s%n",
                alpha,
                repetitions,
                repeat,
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * @param repetitions how many times each scenario is checked, each time against a fresh baseline
     * @param repeat samples per case in every run, as {@code rpt.repeat} gives
     */
    GateBenchmark(int repetitions, int repeat, RegressionOptions options, List<Scenario> scenarios) {
        this(repetitions, repeat, options, scenarios, 0);
    }

    /** @param seedOffset added to every run's sampling seed: 0 for the documented tables */
    GateBenchmark(int repetitions, int repeat, RegressionOptions options, List<Scenario> scenarios, long seedOffset) {
        this.seedOffset = seedOffset;
        this.repetitions = repetitions;
        this.repeat = repeat;
        this.options = options;
        this.scenarios = List.copyOf(scenarios);
    }

    /** What one scenario measured over all repetitions. */
    record Outcome(
            String scenario,
            int repeat,
            int repetitions,
            double accuracyEffect,
            double eceEffect,
            int gateFailed,
            int gateFailedAccuracy,
            int gateFailedEce,
            int gateFailedBrier,
            int naiveAccuracyFailed,
            int naiveEceFailed) {

        double rate(int count) {
            return (double) count / repetitions;
        }
    }

    List<Outcome> run() {
        SimRun sim = new SimRun();
        RegressionCheck check = new RegressionCheck(options);
        Path directory;
        try {
            directory = Files.createTempDirectory("rpt-gate-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[][] counts = new int[scenarios.size()][6];
        double[][] effects = new double[scenarios.size()][2];
        try {
            // Repetitions are independent (their own seeds and directories), so they run in parallel.
            IntStream.range(0, repetitions).parallel().forEach(r -> {
                Path runs = directory.resolve("rep-" + r);
                Map<String, RunReport> baselines = new HashMap<>();
                for (int s = 0; s < scenarios.size(); s++) {
                    Scenario scenario = scenarios.get(s);
                    RunReport baselineRun = baselines.computeIfAbsent(
                            scenario.base(),
                            base -> sim.run(base, seedOffset + 1_000_000L + r, repeat, runs.resolve("baseline")));
                    Baseline baseline = Baseline.from(baselineRun);
                    Metrics before = metrics(baselineRun);
                    RunReport current = sim.run(
                            scenario.systemFor(),
                            scenario.label(),
                            seedOffset + 2_000_000L + r,
                            repeat,
                            runs.resolve("current"));
                    Metrics after = metrics(current);
                    RegressionReport report = check.compare(baseline, current);
                    int[] row = {
                        report.passed() ? 0 : 1,
                        failed(report, Counter.ACCURACY),
                        failed(report, Counter.ECE),
                        failed(report, Counter.BRIER),
                        value(after.accuracy()) < value(before.accuracy()) ? 1 : 0,
                        value(after.ece()) > value(before.ece()) ? 1 : 0
                    };
                    synchronized (counts) {
                        for (int i = 0; i < row.length; i++) {
                            counts[s][i] += row[i];
                        }
                        effects[s][0] += (value(after.accuracy()) - value(before.accuracy())) / repetitions;
                        effects[s][1] += (value(after.ece()) - value(before.ece())) / repetitions;
                    }
                }
            });
        } finally {
            delete(directory);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int s = 0; s < scenarios.size(); s++) {
            int[] c = counts[s];
            outcomes.add(new Outcome(
                    scenarios.get(s).name(),
                    repeat,
                    repetitions,
                    effects[s][0],
                    effects[s][1],
                    c[0],
                    c[1],
                    c[2],
                    c[3],
                    c[4],
                    c[5]));
        }
        return outcomes;
    }

    /** The outcomes as the Markdown table of {@code docs/ci.md}. */
    static String table(List<Outcome> outcomes) {
        StringBuilder table = new StringBuilder();
        table.append("| scenario | samples per case | measured effect (accuracy, ECE) | rpt gate fails | of which"
                + " accuracy / ECE / Brier | naive: accuracy < baseline | naive: ECE > baseline |\n");
        table.append("|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %+.3f, %+.3f | %s | %s / %s / %s | %s | %s |%n",
                    o.scenario(),
                    o.repeat(),
                    o.accuracyEffect(),
                    o.eceEffect(),
                    percent(o, o.gateFailed()),
                    percent(o, o.gateFailedAccuracy()),
                    percent(o, o.gateFailedEce()),
                    percent(o, o.gateFailedBrier()),
                    percent(o, o.naiveAccuracyFailed()),
                    percent(o, o.naiveEceFailed())));
        }
        return table.toString();
    }

    private static String percent(Outcome outcome, int count) {
        return ExactInterval.rate(count, outcome.repetitions());
    }

    private static int failed(RegressionReport report, Counter counter) {
        return report.regressions().stream().map(MetricComparison::counter).anyMatch(counter::equals) ? 1 : 0;
    }

    private static Metrics metrics(RunReport report) {
        return Metrics.of(report.cases().stream().map(CaseRecord::outcome).toList());
    }

    private static double value(java.util.OptionalDouble value) {
        return value.orElseThrow();
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover temporary directory is harmless; the measurement already finished.
        }
    }
}
