package dev.rpt.tools.tune;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelSettings;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.sim.SimProvider;
import dev.rpt.tools.diagnose.CriticAnalyzer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A whole offline tune in its own JVM, for {@link CrashSafetyTests} to kill at random points. Arguments: the prompt
 * file, the record directory, and {@code resume} to continue an interrupted tune.
 */
public final class TuneProcessTestCase {

    private TuneProcessTestCase() {}

    public static void main(String[] args) throws Exception {
        Path promptFile = Path.of(args[0]);
        Path record = Path.of(args[1]);
        boolean resume = args.length > 2 && args[2].equals("resume");
        RptConfig config = RptConfig.of(Map.of("rpt.provider", "sim", "rpt.sim.answers", "sim/gsm8k-sample.jsonl"));
        ChatModel sim = new SimProvider().create(ModelSettings.from(config), config, name -> null);
        MetricBounds goals = MetricBounds.of(0.95, 0.02, Double.NaN, Double.NaN);
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            DiagnosticFunction diagnostic = new ReflectiveDiagnosticFunction(
                    new InProcessRunner(sim, InProcessRunner.rows()),
                    "prompts/math.prompt",
                    new CriticAnalyzer(sim, Optional.empty(), executor, 40),
                    goals,
                    MetricsOptions.DEFAULTS);
            Tuner tuner =
                    new Tuner(TuneSettings.DEFAULTS, sim, diagnostic, UsageLedger.from(config), System.out::println);
            TuneResult result = resume
                    ? tuner.resume(promptFile, goals, TuneCheckpoint.load(record))
                    : tuner.tune(promptFile, goals, record);
            System.out.println("DONE " + result.stopReason());
        } finally {
            executor.shutdownNow();
        }
    }
}
