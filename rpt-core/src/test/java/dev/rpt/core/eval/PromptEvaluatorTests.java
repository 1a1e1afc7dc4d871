package dev.rpt.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.Answer;
import dev.rpt.api.ConfidenceMode;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.TokenLogprob;
import dev.rpt.prompt.MissingVariablesException;
import dev.rpt.prompt.PromptFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PromptEvaluatorTests {

    private static final PromptFile PROMPT = PromptFile.parse("solver.prompt", """
            ---
            config:
              temperature: 0.2
            ---
            {{role "system"}}
            Solve the problem.
            {{role "user"}}
            {{question}}
            """);

    @Test
    void verbalizedSendsTheRenderedPromptWithTheTargetAnswerSchema() {
        RecordingModel model = new RecordingModel(request -> reply("{\"answer\":\"4\",\"confidence\":0.9}"));

        Answer answer = new PromptEvaluator(model, EvaluationSettings.DEFAULTS)
                .evaluate(PROMPT, Map.of("question", "What is 2 + 2?"));

        assertThat(answer.text()).isEqualTo("4");
        assertThat(answer.confidence()).hasValue(0.9);
        ChatRequest sent = model.requests.get(0);
        assertThat(sent.messages()).extracting(m -> m.role()).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(sent.messages().get(1).content()).isEqualTo("What is 2 + 2?");
        assertThat(sent.responseFormat()).isEqualTo(PromptEvaluator.TARGET_ANSWER);
        assertThat(sent.temperature())
                .as("front matter wins over the run default")
                .isEqualTo(0.2);
        assertThat(sent.maxTokens()).isEqualTo(1024);
        assertThat(sent.logprobs()).isFalse();
    }

    @Test
    void logprobsModeAsksForLogprobsAndDerivesConfidence() {
        RecordingModel model = new RecordingModel(request -> new ChatResponse(
                "{\"answer\":\"4\",\"confidence\":0.99}",
                List.of(),
                null,
                FinishReason.STOP,
                Usage.ZERO,
                List.of(
                        new TokenLogprob("{\"answer\":\"", 0, List.of()),
                        new TokenLogprob("4", Math.log(0.6), List.of()),
                        new TokenLogprob("\",...}", 0, List.of())),
                "m",
                false));

        Answer answer = new PromptEvaluator(
                        model, EvaluationSettings.DEFAULTS.withConfidence(ConfidenceMode.LOGPROBS, 1))
                .evaluate(PROMPT, Map.of("question", "q"));

        assertThat(model.requests.get(0).logprobs()).isTrue();
        assertThat(model.requests.get(0).topLogprobs()).isEqualTo(5);
        assertThat(answer.confidence().getAsDouble()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void consistencyVotesAcrossIndependentSamples() {
        List<String> answers = List.of("18", "17", "18.", "18", "twenty");
        RecordingModel model = new RecordingModel(
                request -> reply("{\"answer\":\"" + answers.get(request.sampleIndex()) + "\",\"confidence\":1}"));

        Answer answer = new PromptEvaluator(
                        model, EvaluationSettings.DEFAULTS.withConfidence(ConfidenceMode.CONSISTENCY, 5))
                .evaluate(PROMPT, Map.of("question", "q"));

        assertThat(model.requests).extracting(ChatRequest::sampleIndex).containsExactly(0, 1, 2, 3, 4);
        assertThat(answer.text()).isEqualTo("18");
        assertThat(answer.confidence()).as("3 of 5 samples agree (18, 18., 18)").hasValue(0.6);
        assertThat(answer.usage()).isEqualTo(Usage.of(50, 25));
    }

    @Test
    void missingVariableFailsBeforeAnyCall() {
        RecordingModel model = new RecordingModel(request -> reply("{}"));

        assertThatThrownBy(() -> new PromptEvaluator(model, EvaluationSettings.DEFAULTS).evaluate(PROMPT, Map.of()))
                .isInstanceOf(MissingVariablesException.class)
                .hasMessageContaining("question");
        assertThat(model.requests).isEmpty();
    }

    @Test
    void aTextPromptSendsNoResponseFormatAndReadsItsDeclaredAnswer() {
        PromptFile cot = PromptFile.parse("cot.prompt", """
                ---
                output:
                  format: text
                  answer: 'the answer is (\\S+?)\\.'
                ---
                {{question}}
                """);
        RecordingModel model = new RecordingModel(request -> reply("Two and two... So the answer is 4."));

        Answer answer = new PromptEvaluator(model, EvaluationSettings.DEFAULTS)
                .evaluate(cot, Map.of("question", "What is 2 + 2?"));

        assertThat(model.requests.get(0).responseFormat()).isNull();
        assertThat(answer.text()).isEqualTo("4");
        assertThat(answer.raw()).isEqualTo("Two and two... So the answer is 4.");
        assertThat(answer.formatError()).isFalse();
        assertThat(answer.confidence()).isEmpty();
    }

    @Test
    void aReplyCutOffBeforeItsAnswerSaysWhichKeyToRaise() {
        RecordingModel model = new RecordingModel(request ->
                new ChatResponse("", List.of(), null, FinishReason.LENGTH, Usage.of(10, 1024), List.of(), "m", false));

        assertThatThrownBy(() -> new PromptEvaluator(model, EvaluationSettings.DEFAULTS)
                        .evaluate(PROMPT, Map.of("question", "What is 2 + 2?")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cut off (finish reason length)")
                .hasMessageContaining("all 1024 output tokens, reasoning included")
                .hasMessageContaining("Raise rpt.max-tokens");
    }

    private static ChatResponse reply(String text) {
        return new ChatResponse(text, List.of(), null, FinishReason.STOP, Usage.of(10, 5), List.of(), "m", false);
    }

    private static final class RecordingModel implements ChatModel {
        final List<ChatRequest> requests = new ArrayList<>();
        final Function<ChatRequest, ChatResponse> answer;

        RecordingModel(Function<ChatRequest, ChatResponse> answer) {
            this.answer = answer;
        }

        @Override
        public synchronized ChatResponse chat(ChatRequest request) {
            requests.add(request);
            return answer.apply(request);
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("fake", "m", false);
        }
    }
}
