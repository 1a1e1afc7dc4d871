package dev.rpt.junit.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.junit.engine.fixtures.MathPromptTestCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTestLauncherTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The engine's own compiled fixtures: several prompts, some of them misconfigured on purpose. */
    private static final List<String> TEST_CLASSES =
            List.of(Path.of("target/test-classes").toAbsolutePath().toString());

    @TempDir
    Path temp;

    @Test
    void runsOnlyTheClassesOfOnePromptAndReturnsTheReportItWrote() throws IOException {
        Path reportDir = temp.resolve("report");

        String json = PromptTestLauncher.run(
                config(reportDir, Map.of("rpt.run.prompt", "prompts/math.prompt")), TEST_CLASSES, Map.of());

        assertThat(json)
                .as("the text returned is the report written for the record")
                .isEqualTo(Files.readString(reportDir.resolve("last-run.json")));
        JsonNode report = JSON.readTree(json);
        assertThat(report.get("classes")).hasSize(1);
        assertThat(report.at("/classes/0/className").asText()).isEqualTo(MathPromptTestCase.class.getName());
        assertThat(report.at("/model/simulated").asBoolean()).isTrue();
        assertThat(report.get("cases")).hasSize(25);
    }

    @Test
    void discoveryCountsEachPromptsCasesWithoutRunningAnything() {
        Path reportDir = temp.resolve("report");

        Map<String, Integer> cases = PromptTestLauncher.discover(
                config(reportDir, Map.of("rpt.run.prompt", "prompts/math.prompt")), TEST_CLASSES);

        assertThat(cases).containsExactly(Map.entry("prompts/math.prompt", 25));
        assertThat(reportDir).as("nothing ran, so no report was written").doesNotExist();
    }

    @Test
    void discoveryListsTheHeldOutCasesTheRunWillHoldOut() throws IOException {
        Map<String, String> only = Map.of("rpt.run.prompt", "prompts/math.prompt", "rpt.holdout.fraction", "0.4");

        Map<String, List<String>> heldOut =
                PromptTestLauncher.heldOut(config(temp.resolve("none"), only), TEST_CLASSES);
        JsonNode run = read(PromptTestLauncher.run(config(temp.resolve("run"), only), TEST_CLASSES, Map.of()));

        Set<String> ranHeldOut = new TreeSet<>();
        run.get("cases").forEach(c -> {
            if (c.get("split").asText().equals("holdout")) {
                ranHeldOut.add(c.get("className").asText() + "#"
                        + c.get("method").asText() + "#" + c.get("id").asText());
            }
        });
        assertThat(ranHeldOut).isNotEmpty();
        assertThat(heldOut.get("prompts/math.prompt")).containsExactlyInAnyOrderElementsOf(ranHeldOut);
        assertThat(temp.resolve("none")).as("discovery ran nothing").doesNotExist();
    }

    @Test
    void evaluatesATextGivenInMemoryInPlaceOfTheResource() throws IOException, NoSuchAlgorithmException {
        String text = Files.readString(Path.of("src/test/resources/prompts/math.prompt"))
                .replace("Think step by step", "Answer at once");
        Map<String, String> only = Map.of("rpt.run.prompt", "prompts/math.prompt");

        JsonNode seed = read(PromptTestLauncher.run(config(temp.resolve("seed"), only), TEST_CLASSES, Map.of()));
        JsonNode other = read(PromptTestLauncher.run(
                config(temp.resolve("candidate"), only), TEST_CLASSES, Map.of("prompts/math.prompt", text)));

        assertThat(other.at("/classes/0/prompt/sha256").asText())
                .isEqualTo(sha256(text))
                .isNotEqualTo(seed.at("/classes/0/prompt/sha256").asText());
        assertThat(other.get("cases")).hasSize(25);
    }

    @Test
    void evaluatesTheOverrideFileInPlaceOfTheResource() throws IOException, NoSuchAlgorithmException {
        Path candidate = temp.resolve("candidate.prompt");
        String text = Files.readString(Path.of("src/test/resources/prompts/math.prompt"))
                .replace("Think step by step", "Answer at once");
        Files.writeString(candidate, text, StandardCharsets.UTF_8);
        Map<String, String> only = Map.of("rpt.run.prompt", "prompts/math.prompt");
        Map<String, String> overridden = new HashMap<>(only);
        overridden.put("rpt.prompt-override.prompts/math.prompt", candidate.toString());

        JsonNode seed = read(PromptTestLauncher.run(config(temp.resolve("seed"), only), TEST_CLASSES, Map.of()));
        JsonNode other =
                read(PromptTestLauncher.run(config(temp.resolve("candidate"), overridden), TEST_CLASSES, Map.of()));

        assertThat(other.at("/classes/0/prompt/sha256").asText())
                .isEqualTo(sha256(text))
                .isNotEqualTo(seed.at("/classes/0/prompt/sha256").asText());
    }

    @Test
    void promptWithoutClassesIsOneClearError() {
        Map<String, String> config = config(temp.resolve("none"), Map.of("rpt.run.prompt", "prompts/nobody.prompt"));

        assertThatThrownBy(() -> PromptTestLauncher.run(config, TEST_CLASSES, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No prompt test ran")
                .hasMessageContaining("@PromptTest(prompt = \"prompts/nobody.prompt\")")
                .hasMessageContaining("rpt.run.prompt");
    }

    @Test
    void misconfiguredClassesFailTheRunWithTheEngineReason() {
        // Every class of terse.prompt but one is misconfigured on purpose (MisconfiguredTestCases).
        Map<String, String> config = config(temp.resolve("bad"), Map.of("rpt.run.prompt", "prompts/terse.prompt"));

        assertThatThrownBy(() -> PromptTestLauncher.run(config, TEST_CLASSES, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("The rpt engine failed before it wrote a run report");
    }

    private static Map<String, String> config(Path reportDir, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "rpt.provider", "sim",
                "rpt.sim.answers", "cases/gsm8k-24.jsonl",
                "rpt.report.dir", reportDir.toString()));
        config.putAll(extra);
        return config;
    }

    private static JsonNode read(String json) throws IOException {
        return JSON.readTree(json);
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
