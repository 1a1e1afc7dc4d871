package dev.rpt.junit.engine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs a fixture class through the real engine on the simulator, with the GSM8K answers of the fixtures. */
final class SimRuns {

    private SimRuns() {}

    static EngineExecutionResults run(Class<?> testClass, Path reportDir, Map<String, String> extra) {
        return run(reportDir, extra, testClass);
    }

    /** Runs several fixture classes in one engine run, as one {@code mvn test} does. */
    static EngineExecutionResults run(Path reportDir, Map<String, String> extra, Class<?>... testClasses) {
        Map<String, String> config = new HashMap<>(Map.of(
                "rpt.provider", "sim",
                "rpt.sim.answers", "cases/gsm8k-24.jsonl",
                "rpt.report.dir", reportDir.toString()));
        config.putAll(extra);
        return EngineTestKit.engine("rpt")
                .configurationParameters(config)
                .selectors(java.util.Arrays.stream(testClasses)
                        .map(DiscoverySelectors::selectClass)
                        .toList())
                .execute();
    }
}
