package dev.rpt.sim;

import dev.rpt.api.Usage;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.TokenLogprob;
import java.util.List;

/**
 * The model under test: answers the answer-key question found in the last user message, right with a probability
 * that depends on the question's difficulty and the prompt's traits, and states a confidence. Every rule is in
 * {@code docs/simulator.md}.
 */
final class TargetRole implements SimRole {

    static final String UNKNOWN_ANSWER = "I don't know";

    /**
     * A question holding this text is refused with HTTP 400, as a provider refuses a request it cannot serve: how an
     * end-to-end test gets errored cases from the simulator without breaking its case file.
     */
    static final String REFUSE = "[rpt-sim: refuse]";

    static final String UNKNOWN_JUSTIFICATION =
            "The question is not in the simulator's answer key (rpt.sim.answers), so the simulator cannot answer it.";

    private final AnswerKey key;

    TargetRole(AnswerKey key) {
        this.key = key;
    }

    @Override
    public String name() {
        return "target";
    }

    @Override
    public ChatResponse respond(ChatRequest request, String modelLabel) {
        if (lastUserText(request).contains(REFUSE)) {
            throw new BadRequestException(
                    400,
                    "the rpt simulator refuses this request because its question holds " + REFUSE
                            + " (a simulated provider error for tests; see docs/simulator.md)");
        }
        PromptTraits traits = TraitDetector.detect(request);
        Reply reply = key.find(lastUserText(request))
                .map(entry -> answer(entry, traits, draws(request, entry)))
                .orElse(new Reply(UNKNOWN_ANSWER, Confidence.UNKNOWN, UNKNOWN_JUSTIFICATION, false));
        Rendered rendered = ReplyRenderer.render(reply, request.responseFormat() != null || traits.json());
        return respond(request, rendered, reply.confidence(), modelLabel);
    }

    /** The reply to a known question under the prompt's traits. */
    static Reply answer(KeyEntry entry, PromptTraits traits, Draws draws) {
        double p = Accuracy.probability(entry, traits);
        boolean correct = draws.uniform("correct") < p;
        String value;
        String justification;
        if (correct) {
            value = entry.answer();
            justification = correctJustification(entry);
        } else {
            Mistakes.Mistake mistake = Mistakes.make(entry, !traits.checkUnits(), draws);
            value = mistake.answer();
            justification = mistake.justification();
        }
        String answer = traits.answerOnly() ? value : prose(entry.steps(), value);
        return new Reply(answer, Confidence.stated(p, traits, draws), justification, correct);
    }

    /** The draws of a request: at temperature 0 (or unset) they ignore the seed and the sample index. */
    static Draws draws(ChatRequest request, KeyEntry entry) {
        Double temperature = request.temperature();
        return temperature == null || temperature == 0
                ? Draws.greedy(entry.question())
                : Draws.sampled(entry.question(), request.seed(), request.sampleIndex());
    }

    /** Prose that puts the step count before the answer, so that taking the first number of it goes wrong. */
    static String prose(int steps, String value) {
        return "After " + Mistakes.steps(steps) + ", the answer is " + value + ".";
    }

    private static String correctJustification(KeyEntry entry) {
        if (entry.workedSteps().isEmpty()) {
            return "Worked through " + Mistakes.steps(entry.steps()) + " to reach " + entry.answer() + ".";
        }
        KeyEntry.WorkedStep last = entry.workedSteps().get(entry.workedSteps().size() - 1);
        return "Worked through " + Mistakes.steps(entry.steps()) + "; the last was " + last.expression() + " = "
                + last.result() + ".";
    }

    private static String lastUserText(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage message = messages.get(i);
            if (message.role() == Role.USER) {
                return message.content();
            }
        }
        return "";
    }

    private static ChatResponse respond(ChatRequest request, Rendered rendered, double confidence, String label) {
        String text = rendered.text();
        FinishReason finish = FinishReason.STOP;
        long completionTokens = TokenEstimate.of(text);
        if (request.maxTokens() != null && completionTokens > request.maxTokens()) {
            // Like a real model that runs out of tokens: the reply is cut and says so.
            text = text.substring(0, request.maxTokens() * TokenEstimate.CHARS_PER_TOKEN);
            completionTokens = request.maxTokens();
            finish = FinishReason.LENGTH;
        }
        List<TokenLogprob> logprobs = request.logprobs()
                ? truncate(SimLogprobs.of(rendered, confidence, request.topLogprobs()), text.length())
                : List.of();
        Usage usage = Usage.of(TokenEstimate.ofMessages(request.messages()), completionTokens);
        return new ChatResponse(text, List.of(), null, finish, usage, logprobs, label, false);
    }

    private static List<TokenLogprob> truncate(List<TokenLogprob> logprobs, int length) {
        int used = 0;
        int count = 0;
        for (TokenLogprob logprob : logprobs) {
            if (used + logprob.token().length() > length) {
                break;
            }
            used += logprob.token().length();
            count++;
        }
        return count == logprobs.size() ? logprobs : logprobs.subList(0, count);
    }
}
