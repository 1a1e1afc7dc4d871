package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.judge.Judge;
import dev.rpt.core.judge.JudgePrompts;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.TokenLogprob;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated judge's keyword rule, as docs/simulator.md states it. */
class JudgeRoleTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theVerdictTokenCarriesTheProbabilityAndEveryOtherTokenIsCertain() {
        List<TokenLogprob> tokens =
                JudgeRole.logprobs("{\"met\":false,\"probability\":0.3,\"reason\":\"No.\"}", 0.3, 5);

        assertThat(String.join("", tokens.stream().map(TokenLogprob::token).toList()))
                .isEqualTo("{\"met\":false,\"probability\":0.3,\"reason\":\"No.\"}");
        TokenLogprob verdict = tokens.stream()
                .filter(t -> t.token().equals("false"))
                .findFirst()
                .orElseThrow();
        assertThat(verdict.logprob()).isEqualTo(Math.log(0.7));
        assertThat(verdict.topLogprobs())
                .containsExactly(
                        new TokenLogprob.Alternative("false", Math.log(0.7)),
                        new TokenLogprob.Alternative("true", Math.log(0.3)));
        assertThat(tokens.stream().filter(t -> t != verdict)).allMatch(t -> t.logprob() == 0.0);
    }

    @Test
    void quotedPhrasesDecideTheProbability() {
        assertThat(grade("Mentions \"$25\" and says \"sorry\"", "Sorry, we refunded $25."))
                .isEqualTo("{\"met\":true,\"probability\":0.95,\"reason\":\"The answer contains \\\"$25\\\","
                        + " \\\"sorry\\\".\"}");
        assertThat(grade("Mentions \"$25\" and says \"sorry\"", "We refunded $25."))
                .isEqualTo("{\"met\":true,\"probability\":0.5,\"reason\":\"The answer lacks \\\"sorry\\\" but"
                        + " contains \\\"$25\\\".\"}");
        assertThat(grade("Mentions \"$25\"", "We refunded you."))
                .isEqualTo("{\"met\":false,\"probability\":0.05,\"reason\":\"The answer lacks \\\"$25\\\".\"}");
    }

    @Test
    void withoutQuotesTheCriterionsContentWordsDecide() {
        // Terms: refund, delivery, date ("mentions" and "the" are not content words); one of three is there.
        assertThat(grade("Mentions the refund and the delivery date", "Your refund is on its way."))
                .isEqualTo("{\"met\":false,\"probability\":0.35,\"reason\":\"The answer lacks \\\"delivery\\\","
                        + " \\\"date\\\" but contains \\\"refund\\\".\"}");
    }

    @Test
    void itReadsTheDefaultJudgePromptsLayoutAndSaysWhenItCannot() throws Exception {
        ChatResponse readable = respond("Criterion: Says \"sorry\"\n\nThe model under test was asked:\n<<<\nWhere?\n>>>"
                + "\n\nIts answer:\n<<<\nSorry about that.\n>>>");
        ChatResponse unreadable = respond("Please grade: Sorry about that.");

        assertThat(JSON.readTree(readable.text()).get("probability").asDouble()).isEqualTo(0.95);
        JsonNode verdict = JSON.readTree(unreadable.text());
        assertThat(verdict.get("probability").asDouble()).isEqualTo(0.5);
        assertThat(verdict.get("reason").asText()).contains("reads only rpt's default judge prompt");
        assertThat(readable.model()).isEqualTo("sim-judge (SIMULATOR)");
    }

    @Test
    void itReadsWhatRptsOwnJudgeSendsWithTheDefaultPrompt() {
        // The real judge and its real default prompt, not a copy of its layout: rewording judge.prompt so that the
        // simulator can no longer read it fails here.
        Judge judge = new Judge(
                new SimChatModel("sim", AnswerKey.empty()),
                JudgePrompts.load(RptConfig.of(Map.of()), JudgeRoleTests.class.getClassLoader()),
                0.5);

        var met = judge.judge("apology", "Says \"sorry\"", "Where is my order?", "Sorry about that.", 0);
        var unmet = judge.judge("apology", "Says \"sorry\"", "Where is my order?", "It is on its way.", 0);

        assertThat(met.probability()).isEqualTo(0.95);
        assertThat(met.reason()).contains("contains \"sorry\"");
        assertThat(unmet.probability()).isEqualTo(0.05);
    }

    private static String grade(String criterion, String answer) {
        ObjectNode verdict = JsonNodeFactory.instance.objectNode();
        JudgeRole.grade(criterion, answer, verdict);
        return verdict.toString();
    }

    private static ChatResponse respond(String user) {
        ChatRequest request = ChatRequest.builder()
                .user(user)
                .responseFormat(new ResponseFormat("rpt_judgement", new JsonSchema("{\"type\":\"object\"}"), true))
                .build();
        return new SimChatModel("sim", AnswerKey.empty()).chat(request);
    }
}
