package dev.rpt.junit.engine.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rpt.chat.Role;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.runtime.ChatModels;
import dev.rpt.core.model.runtime.ConcurrencyLimiter;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.junit.engine.RptTestEngine;
import dev.rpt.junit.engine.fixtures.FaultPromptTestCase;
import dev.rpt.prompt.PromptFile;
import dev.rpt.tools.diagnose.DeterministicAnalyzer;
import dev.rpt.tools.tune.CandidateRunner;
import dev.rpt.tools.tune.ReflectiveDiagnosticFunction;
import dev.rpt.tools.tune.TuneResult;
import dev.rpt.tools.tune.TuneSettings;
import dev.rpt.tools.tune.Tuner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs a whole tune offline with a recognisable fake API key in the environment ({@code RPT_FAKE_KEY}, set by
 * Surefire in this module's pom): the optimizer and every candidate run go through the real {@code openai} provider,
 * the response cache and the report writers, and the fake server echoes the key back in error bodies. Afterwards no
 * file under the reports, the cache or the tune record, no console line, no progress line and no exception message
 * holds the key.
 */
class KeyLeakTests {

    private static final String VARIABLE = "RPT_FAKE_KEY";
    private static final String KEY = "fake-rpt-7c41d2e9-LEAKCHECK";
    /** The key's unique middle: catches partial leaks as well as whole ones. */
    private static final String KEY_CORE = "7c41d2e9";

    private static final String RESOURCE = "prompts/faults.prompt";

    @TempDir
    Path project;

    private FakeOpenAiServer server;
    private final List<String> exceptionTexts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new FakeOpenAiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFullTuneLeavesTheKeyNowhere() throws IOException {
        assertThat(System.getenv(VARIABLE))
                .as("Surefire sets " + VARIABLE + " for this module (see its pom); run the test through Maven")
                .isEqualTo(KEY);
        // Echo the key back as misbehaving proxies do: in an error that ends a case and in one that is retried.
        String echo = "{\"error\":{\"message\":\"invalid header Authorization: Bearer " + KEY + "\"}}";
        server.fault((attempt, request, ok) -> request % 10 == 3
                ? FakeOpenAiServer.json(400, echo)
                : request % 10 == 5 ? FakeOpenAiServer.json(500, echo) : ok);
        Path promptFile = project.resolve("src/test/resources").resolve(RESOURCE);
        Files.createDirectories(promptFile.getParent());
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            Files.write(promptFile, in.readAllBytes());
        }
        String seedSystem = PromptFile.parse(promptFile).sectionText(Role.SYSTEM);
        AtomicInteger optimizerCalls = new AtomicInteger();
        server.optimizer(body -> switch (optimizerCalls.incrementAndGet()) {
            case 1 -> FakeOpenAiServer.toolCall("call_1", "evaluate_prompt", sections(seedSystem));
            case 2 -> FakeOpenAiServer.toolCall("call_2", "evaluate_prompt", sections(seedSystem + " Be brief."));
            default ->
                FakeOpenAiServer.toolCall(
                        "call_3",
                        "decide",
                        "{\"decision\":\"STOP\",\"rationale\":\"ok\"," + "\"targets\":[],\"reason\":\"done\"}");
        });

        Map<String, String> config = new HashMap<>();
        config.put("rpt.provider", "openai");
        config.put("rpt.model", "gpt-4.1-mini");
        config.put("rpt.base-url", server.baseUrl());
        config.put("rpt.api-key-env", VARIABLE);
        config.put("rpt.cache", "read-write");
        config.put("rpt.cache.dir", project.resolve("cache").toString());
        config.put("rpt.retry.initial-backoff", "1ms");
        List<String> progress = new ArrayList<>();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        TuneResult result;
        try (PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            System.setErr(tee);
            UsageLedger ledger = UsageLedger.from(RptConfig.of(config));
            RptConfig rpt = RptConfig.of(config);
            try (ChatModel optimizer = ChatModels.create(rpt, System::getenv, ledger, ConcurrencyLimiter.from(rpt))) {
                Tuner tuner = new Tuner(
                        TuneSettings.DEFAULTS,
                        optimizer,
                        new ReflectiveDiagnosticFunction(
                                new EngineRunner(config),
                                RESOURCE,
                                new DeterministicAnalyzer(),
                                MetricBounds.NONE,
                                MetricsOptions.DEFAULTS),
                        ledger,
                        progress::add);
                result = tuner.tune(promptFile, MetricBounds.NONE, project.resolve("target/rpt/tune/leak"));
            }
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(result.iterations()).as("the tune ran two candidates").hasSize(2);
        assertThat(server.authorizations())
                .as("every request carried the fake key, so the key really went through rpt")
                .isNotEmpty()
                .allSatisfy(header -> assertThat(header).isEqualTo("Bearer " + KEY));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(project)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files)
                .as("the tune wrote run reports, cache entries and its record")
                .anySatisfy(f -> assertThat(f.toString()).contains("cache"))
                .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("last-run.json"))
                .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("summary.json"))
                .anySatisfy(f -> assertThat(f.getFileName().toString()).isEqualTo("transcript.jsonl"));
        assertThat(String.join("\n", exceptionTexts))
                .as("an echoed key reached the report as a case error, redacted")
                .contains("invalid header Authorization");
        for (Path file : files) {
            String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(text).as(project.relativize(file).toString()).doesNotContain(KEY_CORE);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).as("console").doesNotContain(KEY_CORE);
        assertThat(String.join("\n", progress)).as("progress").doesNotContain(KEY_CORE);
        assertThat(String.join("\n", exceptionTexts)).as("exception messages").doesNotContain(KEY_CORE);
        assertThat(result.stopReason()).doesNotContain(KEY_CORE);
    }

    private static String sections(String system) {
        return "{\"system\":" + quote(system) + ",\"user\":\"{{question}}\"}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** Runs the fixture class with the candidate in place of its prompt, as rpt:tune does, in this JVM. */
    private final class EngineRunner implements CandidateRunner {
        private final Map<String, String> config;

        EngineRunner(Map<String, String> config) {
            this.config = config;
        }

        @Override
        public RunReport run(String promptResource, PromptFile candidate, Path reportDirectory) throws IOException {
            Map<String, String> run = new HashMap<>(config);
            run.put("rpt.report.dir", reportDirectory.toString());
            EngineExecutionResults results = EngineTestKit.engine(
                            new RptTestEngine(Map.of(promptResource, candidate.text())))
                    .configurationParameters(run)
                    .selectors(selectClass(FaultPromptTestCase.class))
                    .execute();
            for (Event event : results.allEvents().failed().list()) {
                event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .ifPresent(KeyLeakTests.this::collect);
            }
            return RunReport.read(reportDirectory.resolve("last-run.json"));
        }
    }

    private void collect(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            exceptionTexts.add(String.valueOf(t));
            for (Throwable suppressed : t.getSuppressed()) {
                exceptionTexts.add(String.valueOf(suppressed));
            }
        }
    }
}
