package dev.rpt.bench;

import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.protocol.OptimizerFunctions;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.tools.diagnose.DeterministicAnalyzer;
import dev.rpt.tools.tune.CandidateRunner;
import dev.rpt.tools.tune.ReflectiveDiagnosticFunction;
import dev.rpt.tools.tune.TuneResult;
import dev.rpt.tools.tune.TuneSettings;
import dev.rpt.tools.tune.Tuner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tuner's own cost per iteration, outside model time: a tune whose target answers at zero latency through the
 * real engine and OpenAI provider, whose optimizer answers instantly, and whose diagnosis is the deterministic one.
 * What is left per iteration is the engine run's overhead, the report round trip, the diagnosis and the loop.
 */
final class TunerOverhead {

    private static final String RESOURCE = "bench/bench.prompt";

    private TunerOverhead() {}

    /**
     * Runs a tune of {@code iterations} evaluations of {@code cases} cases and returns the milliseconds of each
     * iteration, measured between the tuner's progress lines.
     */
    static List<Double> measure(EngineRun engine, Path work, int cases, int iterations) throws IOException {
        Path promptFile = work.resolve("bench.prompt");
        try (InputStream seed = TunerOverhead.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            Files.write(promptFile, seed.readAllBytes());
        }
        CandidateRunner runner = (resource, candidate, reportDirectory) -> {
            Path file = work.resolve("candidate.prompt");
            Files.writeString(file, candidate.text());
            RunResult result = engine.run(
                    cases,
                    16,
                    "off",
                    work.resolve("cache"),
                    Map.of("rpt.prompt-override." + resource, file.toString()));
            return RunReport.read(result.reportDirectory().resolve(RunReportWriter.LAST_RUN));
        };
        TuneSettings settings = TuneSettings.builder()
                .maxIterations(iterations)
                .plateau(iterations + 1)
                .untilPass(false)
                .maxCritiques(0)
                .dryRun(true)
                .build();
        List<Long> stamps = new ArrayList<>();
        long start = System.nanoTime();
        TuneResult result = new Tuner(
                        settings,
                        new InstantOptimizer(iterations),
                        new ReflectiveDiagnosticFunction(
                                runner,
                                RESOURCE,
                                new DeterministicAnalyzer(),
                                MetricBounds.NONE,
                                MetricsOptions.DEFAULTS),
                        UsageLedger.from(RptConfig.of(Map.of())),
                        line -> stamps.add(System.nanoTime()))
                .tune(promptFile, MetricBounds.NONE, work.resolve("record"));
        if (result.iterations().size() != iterations) {
            throw new IllegalStateException("expected " + iterations + " iterations, got "
                    + result.iterations().size());
        }
        List<Double> millis = new ArrayList<>();
        long previous = start;
        for (long stamp : stamps) {
            millis.add((stamp - previous) / 1e6);
            previous = stamp;
        }
        return millis;
    }

    /** An optimizer that answers at once: evaluate a slightly different candidate each turn, then stop. */
    private static final class InstantOptimizer implements ChatModel {
        private final int iterations;
        private int turns;

        InstantOptimizer(int iterations) {
            this.iterations = iterations;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            int evaluations = (int) request.messages().stream()
                    .filter(m -> m.role() == Role.TOOL)
                    .count();
            turns++;
            String arguments = evaluations < iterations
                    ? "{\"system\":\"You add numbers. Answer with the number only. Attempt " + evaluations
                            + ".\",\"user\":\"{{question}}\"}"
                    : "{\"decision\":\"STOP\",\"rationale\":\"done\",\"targets\":[]}";
            String name = evaluations < iterations ? OptimizerFunctions.EVALUATE : OptimizerFunctions.DECIDE;
            return new ChatResponse(
                    null,
                    List.of(new ToolCall("call_" + turns, name, arguments)),
                    null,
                    FinishReason.TOOL_CALLS,
                    Usage.ZERO,
                    List.of(),
                    "instant",
                    false);
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("bench", "instant", false);
        }
    }
}
