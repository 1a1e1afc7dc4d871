package dev.rpt.junit.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs a fixture class through the real engine on the simulator, with the GSM8K answers of the fixtures. */
final class SimRuns {

    private SimRuns() {}

    static EngineExecutionResults run(Class<?> testClass, Path reportDir, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "rpt.provider", "sim",
                "rpt.sim.answers", "cases/gsm8k-24.jsonl",
                "rpt.report.dir", reportDir.toString()));
        config.putAll(extra);
        return EngineTestKit.engine("rpt")
                .configurationParameters(config)
                .selectors(selectClass(testClass))
                .execute();
    }
}
