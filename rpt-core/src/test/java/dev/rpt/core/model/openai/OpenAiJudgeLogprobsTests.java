package dev.rpt.core.model.openai;

import static dev.rpt.core.model.openai.OpenAiFixtures.ENVIRONMENT;
import static dev.rpt.core.model.openai.OpenAiFixtures.body;
import static dev.rpt.core.model.openai.OpenAiFixtures.ok;
import static dev.rpt.core.model.openai.OpenAiFixtures.settings;
import static dev.rpt.core.model.openai.OpenAiFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.api.Answer;
import dev.rpt.api.Judgement;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.judge.Judge;
import dev.rpt.core.judge.JudgePrompts;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A judge reading its probability from log-probabilities, over the OpenAI wire: the request asks for them, and the
 * documented {@code choices[].logprobs.content[].top_logprobs} decide instead of the number the judge states.
 */
class OpenAiJudgeLogprobsTests {

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theVerdictTokensAlternativesGiveTheProbabilityNotTheStatedNumber() throws Exception {
        server.enqueue(ok("judge-verdict-logprobs.json"));

        Judgement verdict = judge(Judge.Probability.LOGPROBS)
                .judge("apologises", "Apologises", "Where is my parcel?", Answer.ofText("Sorry, it ships today."), 0);

        RecordedRequest request = server.takeRequest();
        assertThat(body(request)).endsWith(",\"logprobs\":true,\"top_logprobs\":5}");
        assertThat(tree(request).at("/response_format/json_schema/name").asText())
                .isEqualTo("rpt_judgement");
        // The reply states 0.95; at the verdict token the model put 0.7 on "true" and 0.2 on "false" (and 0.05 on
        // "null", a
        // token that is neither): 0.7 / 0.9.
        assertThat(verdict.probability()).isCloseTo(0.7 / 0.9, within(1e-4));
        assertThat(verdict.met()).isTrue();
        assertThat(verdict.reason()).isEqualTo("It says sorry.");
    }

    @Test
    void aStatedJudgeAsksForNoLogprobsAndKeepsItsNumber() throws Exception {
        server.enqueue(ok("judge-verdict-logprobs.json"));

        Judgement verdict = judge(Judge.Probability.STATED)
                .judge("apologises", "Apologises", "Where is my parcel?", Answer.ofText("Sorry, it ships today."), 0);

        assertThat(tree(server.takeRequest()).has("logprobs")).isFalse();
        assertThat(verdict.probability()).isEqualTo(0.95);
    }

    private Judge judge(Judge.Probability probability) {
        RptConfig config = RptConfig.of(Map.of());
        return new Judge(
                new OpenAiProvider().create(settings(server), ENVIRONMENT),
                JudgePrompts.load(config, getClass().getClassLoader()),
                0.5,
                probability);
    }
}
