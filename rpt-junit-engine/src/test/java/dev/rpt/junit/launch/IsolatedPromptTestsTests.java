package dev.rpt.junit.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.files.Sha256;
import dev.rpt.core.report.RunReport;
import dev.rpt.prompt.PromptFile;
import dev.rpt.tools.tune.IsolatedPromptTests;
import dev.rpt.tools.tune.ProjectTuning;
import dev.rpt.tools.tune.TuneFlow;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tune flow's path into a project's tests as every build tool takes it: the engine's own compiled fixtures run in
 * an isolated class loader, the candidate goes in as text and the report comes back as its JSON text.
 */
class IsolatedPromptTestsTests {

    private static final String PROMPT = "prompts/math.prompt";
    private static final Path TEST_CLASSES = Path.of("target/test-classes").toAbsolutePath();

    @TempDir
    Path temp;

    @Test
    void runsACandidateFromMemoryAndReadsTheReportFromItsText() throws IOException {
        String text =
                Files.readString(Path.of("src/test/resources", PROMPT)).replace("Think step by step", "Answer at once");

        try (IsolatedPromptTests tests = IsolatedPromptTests.open(classPath(), simulator(), List.of(TEST_CLASSES))) {
            assertThat(tests.discover(Optional.of(PROMPT))).containsExactly(Map.entry(PROMPT, 25));
            RunReport asIs = tests.runAsIs(Optional.of(PROMPT), temp.resolve("as-is"));
            RunReport candidate = tests.run(PROMPT, PromptFile.parse(PROMPT, text), temp.resolve("candidate"));

            assertThat(candidate.classes())
                    .singleElement()
                    .satisfies(info -> assertThat(info.promptSha256())
                            .isEqualTo(Sha256.hex(text))
                            .isNotEqualTo(asIs.classes().get(0).promptSha256()));
            assertThat(candidate.cases()).hasSize(25);
        }
        assertThat(temp.resolve("candidate/last-run.json"))
                .as("the run still writes its report for the record")
                .isNotEmptyFile();
        assertThat(temp.resolve("candidate.prompt")).doesNotExist();
    }

    @Test
    void aClassPathWithoutTheEngineIsOneErrorSayingWhatToAdd() {
        assertThatThrownBy(() -> IsolatedPromptTests.open(
                        List.of(TEST_CLASSES.toUri().toURL()), simulator(), List.of(TEST_CLASSES)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Cannot load " + IsolatedPromptTests.LAUNCHER)
                .hasMessageContaining("dev.rpt:rpt-junit-engine");
    }

    @Test
    void diagnosesAProjectThroughTheFlowEveryFrontEndCalls() throws IOException {
        Path resources = Files.createDirectories(temp.resolve("src/test/resources/prompts"));
        Files.copy(Path.of("src/test/resources", PROMPT), resources.resolve("math.prompt"));
        ProjectTuning.Project layout =
                new ProjectTuning.Project(temp, temp.resolve("target"), List.of(temp.resolve("src/test/resources")));
        List<URL> classPath = classPath();
        TuneFlow.Build build = new TuneFlow.Build(
                layout,
                List.of(TEST_CLASSES),
                configuration -> IsolatedPromptTests.open(classPath, configuration, List.of(TEST_CLASSES)));
        List<String> lines = new ArrayList<>();
        Map<String, String> settings = new HashMap<>(simulator());
        settings.put("rpt.tune.prompt", PROMPT);

        List<Path> reports = TuneFlow.diagnose(
                build, ConfigSource.of(settings), ProjectTuning.Log.of(lines::add, line -> lines.add("WARN " + line)));

        assertThat(reports)
                .singleElement()
                .satisfies(report ->
                        assertThat(report).startsWith(layout.tuneDirectory()).isNotEmptyFile());
        assertThat(lines).contains("Failure modes of " + PROMPT + " (optimization split):");
        assertThat(lines).anyMatch(line -> line.startsWith("WARN SIMULATOR: the target model"));
    }

    private static Map<String, String> simulator() {
        return Map.of("rpt.provider", "sim", "rpt.sim.answers", "cases/gsm8k-24.jsonl");
    }

    /** This module's test class path, as Surefire gives it (its own class path may be a manifest-only jar). */
    private static List<URL> classPath() throws MalformedURLException {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String element : path.split(File.pathSeparator)) {
            if (!element.isBlank()) {
                urls.add(Path.of(element).toUri().toURL());
            }
        }
        return urls;
    }
}
