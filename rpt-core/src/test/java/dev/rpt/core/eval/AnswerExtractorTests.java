package dev.rpt.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.api.Answer;
import dev.rpt.api.Usage;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.TokenLogprob;
import dev.rpt.prompt.PromptOutput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerExtractorTests {

    @Test
    void readsStructuredReply() {
        Answer answer = AnswerExtractor.verbalized(
                reply("{\"answer\":\"18\",\"confidence\":0.85,\"justification\":\"16-3-4=9, 9*2=18\"}"));

        assertThat(answer.text()).isEqualTo("18");
        assertThat(answer.confidence()).hasValue(0.85);
        assertThat(answer.justification()).hasValue("16-3-4=9, 9*2=18");
        assertThat(answer.formatError()).isFalse();
        assertThat(answer.usage()).isEqualTo(Usage.of(10, 5));
    }

    @Test
    void readsJsonInsideCodeFenceAndProse() {
        Answer answer = AnswerExtractor.verbalized(
                reply("Sure! Here it is:\n```json\n{\"answer\": 42, \"confidence\": \"90%\"}\n```\nHope it helps {:"));

        assertThat(answer.text()).isEqualTo("42");
        assertThat(answer.confidence()).hasValue(0.9);
        assertThat(answer.justification()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"answer\":\"a\",\"confidence\":1.7}",
                "{\"answer\":\"a\",\"confidence\":-0.1}",
                "{\"answer\":\"a\",\"confidence\":\"very sure\"}",
                "{\"answer\":\"a\",\"confidence\":null}",
                "{\"answer\":\"a\"}",
                "{\"answer\":\"a\",\"confidence\":[0.5]}"
            })
    void unreadableConfidenceIsMissingNotDefaulted(String body) {
        Answer answer = AnswerExtractor.verbalized(reply(body));

        assertThat(answer.text()).isEqualTo("a");
        assertThat(answer.confidence()).isEmpty();
        assertThat(answer.formatError()).isFalse();
    }

    @Test
    void readsLabelledLines() {
        Answer answer = AnswerExtractor.verbalized(
                reply("Let me think.\nAnswer: 18 dollars\nConfidence: 75%\nJustification: eggs times price"));

        assertThat(answer.text()).isEqualTo("18 dollars");
        assertThat(answer.confidence()).hasValue(0.75);
        assertThat(answer.justification()).hasValue("eggs times price");
        assertThat(answer.formatError()).isFalse();
    }

    @Test
    void plainProseIsAFormatErrorWithTheWholeTextAsAnswer() {
        Answer answer = AnswerExtractor.verbalized(reply("  I believe it is eighteen.  "));

        assertThat(answer.text()).isEqualTo("I believe it is eighteen.");
        assertThat(answer.raw()).isEqualTo("  I believe it is eighteen.  ");
        assertThat(answer.confidence()).isEmpty();
        assertThat(answer.formatError()).isTrue();
    }

    @Test
    void refusalBecomesTheRawTextWithAFormatError() {
        ChatResponse refusal = new ChatResponse(
                null,
                List.of(),
                "I can't help with that.",
                FinishReason.CONTENT_FILTER,
                Usage.ZERO,
                List.of(),
                "m",
                false);

        Answer answer = AnswerExtractor.verbalized(refusal);

        assertThat(answer.raw()).isEqualTo("I can't help with that.");
        assertThat(answer.formatError()).isTrue();
    }

    @Test
    void logprobConfidenceIsTheJointProbabilityOfTheAnswerTokens() {
        List<TokenLogprob> tokens = List.of(
                token("{\"answer\":\"", -0.01),
                token("1", Math.log(0.9)),
                token("8", Math.log(0.8)),
                token("\"}", -0.02));
        ChatResponse response = new ChatResponse(
                "{\"answer\":\"18\"}", List.of(), null, FinishReason.STOP, Usage.ZERO, tokens, "m", false);

        Answer answer = AnswerExtractor.fromLogprobs(response, PromptOutput.UNDECLARED);

        assertThat(answer.confidence().getAsDouble()).isCloseTo(0.72, within(1e-9));
    }

    @Test
    void logprobConfidenceIsMissingWithoutLogprobs() {
        Answer answer =
                AnswerExtractor.fromLogprobs(reply("{\"answer\":\"18\",\"confidence\":0.99}"), PromptOutput.UNDECLARED);

        assertThat(answer.confidence()).isEmpty();
    }

    @Test
    void cachedFlagIsCarried() {
        Answer answer = AnswerExtractor.verbalized(reply("{\"answer\":\"x\"}").asCached());

        assertThat(answer.cached()).isTrue();
    }

    private static TokenLogprob token(String text, double logprob) {
        return new TokenLogprob(text, logprob, List.of());
    }

    private static ChatResponse reply(String text) {
        return new ChatResponse(text, List.of(), null, FinishReason.STOP, Usage.of(10, 5), List.of(), "m", false);
    }
}
