package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.Role;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A candidate from the optimizer's arguments, or its refusal told to the optimizer. */
class CandidateBuilderTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PromptFile SEED =
            PromptFile.parse("p.prompt", "{{role \"system\"}}\nBe exact.\n{{role \"user\"}}\n{{question}}\n");
    private static final ToolCall CALL = new ToolCall("call_1", "evaluate_prompt", "{}");

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();
    private final CandidateBuilder builder = new CandidateBuilder(
            new DiagnosticFunction() {
                @Override
                public Evaluation evaluate(int iteration, PromptFile candidate, List<String> targets, Path directory) {
                    throw new AssertionError("the builder never evaluates");
                }

                @Override
                public String inspect(String mode, int limit) {
                    throw new AssertionError("the builder never inspects");
                }
            },
            progress::add);

    @Test
    void theSectionsReplaceTheSeedsAndEverythingElseOfThePromptFileStays() throws Exception {
        TuneState state = state();

        Optional<PromptFile> candidate = builder.candidate(
                state, arguments("{\"system\":\"Show your steps.\",\"user\":\"{{question}}\"}"), CALL);

        assertThat(candidate).hasValueSatisfying(prompt -> {
            assertThat(prompt.sectionText(Role.SYSTEM)).isEqualTo("Show your steps.");
            assertThat(prompt.placeholders()).containsExactly("question");
        });
        assertThat(state.conversation.messages()).noneMatch(m -> m.role() == Role.TOOL);
    }

    @Test
    void aCandidateThatDropsAPlaceholderOrLacksASectionIsRefusedWithTheReason() throws Exception {
        TuneState state = state();

        assertThat(builder.candidate(state, arguments("{\"system\":\"Be exact.\",\"user\":\"Answer.\"}"), CALL))
                .isEmpty();
        assertThat(builder.candidate(state, arguments("{\"system\":\"Be exact.\"}"), CALL))
                .isEmpty();

        assertThat(state.conversation.messages())
                .filteredOn(m -> m.role() == Role.TOOL)
                .extracting(ChatMessage::content)
                .containsExactly(
                        "Rejected: the candidate drops the placeholder(s) [question], which the test cases fill. Keep"
                                + " every placeholder of the prompt.",
                        "Both 'system' and 'user' section texts are required, as strings.");
    }

    @Test
    void thePatchTargetsAndTheRecordedDecisionComeFromTheArguments() throws Exception {
        JsonNode patch = arguments(
                "{\"decision\":\"PATCH\",\"user\":\"{{question}}\",\"rationale\":\"slips\",\"targets\":[\"arithmetic"
                        + " slip\"]}");

        assertThat(CandidateBuilder.targets(patch)).containsExactly("arithmetic slip");
        var decision = CandidateBuilder.decision(patch, SEED, SEED);
        assertThat(decision.system()).isEmpty();
        assertThat(decision.user()).contains("{{question}}");
        assertThat(decision.rationale()).isEqualTo("slips");
    }

    private TuneState state() throws Exception {
        return new TuneState(
                SEED,
                MetricBounds.NONE,
                TuneRecorder.create(dir.resolve("record")),
                new Conversation(TuneSettings.DEFAULTS.memory(), TuneSettings.DEFAULTS.memoryK()));
    }

    private static JsonNode arguments(String json) throws Exception {
        return JSON.readTree(json);
    }
}
