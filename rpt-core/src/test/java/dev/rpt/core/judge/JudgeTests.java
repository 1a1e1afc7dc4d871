package dev.rpt.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.Answer;
import dev.rpt.api.Judgement;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.prompt.PromptFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The judge's request, the verdict it reads, the ones it refuses, and where its prompt comes from. */
class JudgeTests {

    private static final Answer ANSWER = Answer.ofText("Sorry for the wait. We refunded $25.");

    @TempDir
    Path dir;

    @Test
    void theRequestCarriesTheCriterionTheInputAndTheAnswerAndAsksForAVerdict() {
        Replying judge = new Replying("{\"met\": true, \"probability\": 0.9, \"reason\": \"It says sorry.\"}");

        Judgement verdict =
                judge("0.5", judge).judge("apologises", "Apologises once", "Where is my parcel?", ANSWER, 2);

        assertThat(verdict).isEqualTo(new Judgement("apologises", "Apologises once", 0.9, 0.5, "It says sorry."));
        assertThat(verdict.met()).isTrue();
        ChatRequest request = judge.requests.get(0);
        assertThat(request.responseFormat()).isEqualTo(Judge.JUDGEMENT);
        assertThat(request.temperature()).isZero();
        assertThat(request.sampleIndex()).isEqualTo(2);
        assertThat(request.maxTokens())
                .as("a limit of its own, not the provider's default or none")
                .isEqualTo(Judge.DEFAULT_MAX_TOKENS);
        String user = request.messages().stream()
                .filter(m -> m.role() == Role.USER)
                .findFirst()
                .orElseThrow()
                .content();
        assertThat(user)
                .contains("Criterion: Apologises once")
                .contains("<<<\nWhere is my parcel?\n>>>")
                .contains("Its answer:\n<<<\nSorry for the wait. We refunded $25.\n>>>");
    }

    @Test
    void theStatedProbabilityDecidesAndAProbabilityAtTheThresholdIsMet() {
        Judgement atThreshold = judge("0.7", new Replying("{\"met\": false, \"probability\": 0.7, \"reason\": \"x\"}"))
                .judge("c", "C", "in", ANSWER, 0);
        Judgement below = judge("0.7", new Replying("{\"met\": true, \"probability\": 0.69, \"reason\": \"x\"}"))
                .judge("c", "C", "in", ANSWER, 0);

        assertThat(atThreshold.met())
                .as("the judge's own met field is not used")
                .isTrue();
        assertThat(below.met()).isFalse();
    }

    @Test
    void aReplyThatIsNotAVerdictIsRefusedNamingTheCriterion() {
        for (String reply : List.of(
                "Yes, it meets it.",
                "[0.9]",
                "{\"met\": true, \"reason\": \"no probability\"}",
                "{\"met\": true, \"probability\": 1.5, \"reason\": \"too sure\"}",
                "{\"met\": true, \"probability\": 0.9, \"reason\": \" \"}")) {
            assertThatThrownBy(() -> judge("0.5", new Replying(reply)).judge("apologises", "A", "in", ANSWER, 0))
                    .as(reply)
                    .isInstanceOf(JudgeReplyException.class)
                    .hasMessageStartingWith("The judge's reply about criterion 'apologises' cannot be read: ");
        }
    }

    @Test
    void aJudgePromptComesFromAFileAndMustUseTheCriterionAndTheAnswer() throws Exception {
        Path own = dir.resolve("judge.prompt");
        Files.writeString(own, "{{role \"user\"}}\nDoes this: {{answer}}\nmeet: {{criterion}}?\n");
        PromptFile loaded = JudgePrompts.load(config("rpt.judge.prompt", own.toString()), loader());
        assertThat(loaded.placeholders()).containsExactlyInAnyOrder("answer", "criterion");
        assertThat(JudgePrompts.load(RptConfig.of(Map.of()), loader()).placeholders())
                .containsExactlyInAnyOrder("criterion", "input", "answer");

        Path lacking = dir.resolve("lacking.prompt");
        Files.writeString(lacking, "{{role \"user\"}}\nGrade {{answer}} for {{customer}}.\n");
        assertThatThrownBy(() -> JudgePrompts.load(config("rpt.judge.prompt", lacking.toString()), loader()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(lacking.toString())
                .hasMessageContaining("rpt.judge.prompt")
                .hasMessageContaining("does not use [criterion]")
                .hasMessageContaining("uses variables rpt does not fill, [customer]");
        assertThatThrownBy(() -> JudgePrompts.load(config("rpt.judge.prompt", "prompts/nowhere.prompt"), loader()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.judge.prompt=prompts/nowhere.prompt is neither a file");
        assertThatThrownBy(() -> JudgePrompts.threshold(config("rpt.judge.threshold", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.judge.threshold");
        assertThat(JudgePrompts.threshold(RptConfig.of(Map.of()))).isEqualTo(0.5);
    }

    @Test
    void aJudgePromptThatSetsItsOwnOutputLimitKeepsIt() throws Exception {
        Path own = dir.resolve("judge.prompt");
        Files.writeString(own, """
                ---
                config:
                  maxOutputTokens: 300
                ---
                {{role "user"}}
                Does this: {{answer}}
                meet: {{criterion}}?
                """);
        Replying model = new Replying("{\"met\": true, \"probability\": 0.9, \"reason\": \"It says sorry.\"}");

        new Judge(model, JudgePrompts.load(config("rpt.judge.prompt", own.toString()), loader()), 0.5)
                .judge("apologises", "Apologises", "Where?", ANSWER, 0);

        assertThat(model.requests.get(0).maxTokens()).isEqualTo(300);
    }

    @Test
    void aLogprobsJudgeWhoseProviderGivesNoneErrorsTheCaseNamingTheFix() {
        Replying judge = new Replying("{\"met\": true, \"probability\": 0.9, \"reason\": \"It says sorry.\"}");
        Judge logprobs = new Judge(
                judge,
                JudgePrompts.load(RptConfig.of(Map.of()), loader()),
                0.5,
                JudgePrompts.probability(config("rpt.judge.probability", "logprobs")));

        assertThatThrownBy(() -> logprobs.judge("apologises", "Apologises", "Where?", ANSWER, 0))
                .isInstanceOf(JudgeReplyException.class)
                .hasMessageContaining("came without log-probabilities")
                .hasMessageContaining("Set rpt.judge.probability=stated");
        assertThat(judge.requests.get(0).logprobs()).isTrue();
        assertThat(judge.requests.get(0).topLogprobs()).isEqualTo(5);
    }

    @Test
    void theProbabilitySourceIsStatedUnlessSetAndAnythingElseIsRefused() {
        assertThat(JudgePrompts.probability(RptConfig.of(Map.of()))).isEqualTo(Judge.Probability.STATED);
        assertThat(JudgePrompts.probability(config("rpt.judge.probability", "LOGPROBS")))
                .isEqualTo(Judge.Probability.LOGPROBS);
        assertThatThrownBy(() -> JudgePrompts.probability(config("rpt.judge.probability", "tokens")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.judge.probability")
                .hasMessageContaining("stated, logprobs");
    }

    private static Judge judge(String threshold, ChatModel model) {
        RptConfig config = config("rpt.judge.threshold", threshold);
        return new Judge(model, JudgePrompts.load(config, loader()), JudgePrompts.threshold(config));
    }

    private static RptConfig config(String key, String value) {
        return RptConfig.of(Map.of(key, value));
    }

    private static ClassLoader loader() {
        return JudgeTests.class.getClassLoader();
    }

    /** A judge that replies with one fixed text and keeps the requests. */
    private static final class Replying implements ChatModel {
        final List<ChatRequest> requests = new ArrayList<>();
        private final String text;

        Replying(String text) {
            this.text = text;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            requests.add(request);
            return new ChatResponse(
                    text, List.of(), null, FinishReason.STOP, Usage.of(100, 20), List.of(), "judge", false);
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("fake", "judge", false);
        }
    }
}
