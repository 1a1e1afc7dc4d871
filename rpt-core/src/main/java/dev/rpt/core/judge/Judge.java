package dev.rpt.core.judge;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.Answer;
import dev.rpt.api.Judgement;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.Excerpt;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.prompt.PromptFile;
import dev.rpt.prompt.RenderedPrompt;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Asks the judge model whether one answer meets one criterion. The judge prompt is a prompt file with the variables
 * {@code criterion}, {@code input} and {@code answer}; the reply must be the {@link #JUDGEMENT} object. Its probability
 * decides: the criterion is met when it reaches the threshold. The probability is the one the judge states, or, with
 * {@link Probability#LOGPROBS}, the one its log-probabilities give the verdict token. A reply that is not such an
 * object throws {@link JudgeReplyException}, so the case is errored, never passed. Thread-safe.
 */
@API(status = INTERNAL, since = "0.2")
public final class Judge {

    /** The structured output every judge reply must have. */
    public static final ResponseFormat JUDGEMENT = new ResponseFormat(
            "rpt_judgement",
            new JsonSchema("{\"type\":\"object\",\"properties\":{\"met\":{\"type\":\"boolean\"},"
                    + "\"probability\":{\"type\":\"number\"},\"reason\":{\"type\":\"string\"}},"
                    + "\"required\":[\"met\",\"probability\",\"reason\"],\"additionalProperties\":false}"),
            true);

    /**
     * The output limit of a judge request whose prompt sets no {@code config.maxOutputTokens}: a verdict is a short
     * object, so this leaves room for a long reason. Sent explicitly because OpenAI would otherwise allow unbounded
     * output and Anthropic requires a limit anyway. {@code rpt.judge.max-tokens} overrides it.
     */
    public static final int DEFAULT_MAX_TOKENS = 1024;

    /** Alternatives asked for at each token with {@link Probability#LOGPROBS}: enough to hold both verdicts. */
    private static final int TOP_LOGPROBS = 5;

    /** Where the judge's probability comes from ({@code rpt.judge.probability}). */
    public enum Probability {
        /** The number the judge states in its reply. */
        STATED,
        /** The log-probabilities of its verdict token: {@code true} against {@code false}. */
        LOGPROBS
    }

    private final ChatModel model;
    private final PromptFile prompt;
    private final double threshold;
    private final Probability probability;

    /**
     * A judge whose stated probability decides.
     *
     * @param model the judge model, with the runtime layers (retries, limit, cache, metering) around it
     * @param prompt the judge prompt, from {@link JudgePrompts#load}
     * @param threshold the probability from which a criterion is met, in (0, 1]
     */
    public Judge(ChatModel model, PromptFile prompt, double threshold) {
        this(model, prompt, threshold, Probability.STATED);
    }

    /**
     * @param model the judge model, with the runtime layers (retries, limit, cache, metering) around it
     * @param prompt the judge prompt, from {@link JudgePrompts#load}
     * @param threshold the probability from which a criterion is met, in (0, 1]
     * @param probability where the probability comes from, from {@link JudgePrompts#probability}
     */
    public Judge(ChatModel model, PromptFile prompt, double threshold, Probability probability) {
        this.model = Objects.requireNonNull(model, "model");
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        this.probability = Objects.requireNonNull(probability, "probability");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        this.threshold = threshold;
    }

    /** The judge model, for the report and the simulator warning. */
    public ModelInfo info() {
        return model.info();
    }

    /**
     * Judges one answer against one criterion.
     *
     * @param criterion the criterion's id
     * @param text the criterion's text, with the case's variables filled in
     * @param input what the model under test was asked (its rendered user message)
     * @param answer the answer to grade: its text (a structured reply's answer field), or the raw reply when that is
     *     empty
     * @param sample the answer's sample index, so that each sample's verdict has its own cache entry
     * @throws JudgeReplyException when the reply is not a readable verdict
     * @throws dev.rpt.core.model.ModelException when the call fails
     */
    public Judgement judge(String criterion, String text, String input, Answer answer, int sample) {
        // The answer itself, not the structure around it: a JSON reply's answer field, else the whole reply.
        return judge(criterion, text, input, answer.text().isBlank() ? answer.raw() : answer.text(), sample);
    }

    /**
     * Grades a text that stands for the answer, e.g. a tool-calling case's trajectory, against one criterion; see
     * {@link #judge(String, String, String, Answer, int)}.
     */
    public Judgement judge(String criterion, String text, String input, String graded, int sample) {
        RenderedPrompt rendered = prompt.render(Map.of("criterion", text, "input", input, "answer", graded));
        ChatRequest.Builder request = rendered.toRequestBuilder();
        if (rendered.parameters().maxOutputTokens() == null) {
            request.maxTokens(DEFAULT_MAX_TOKENS);
        }
        request.responseFormat(JUDGEMENT).temperature(0.0).sampleIndex(sample);
        if (probability == Probability.LOGPROBS) {
            request.logprobs(true, TOP_LOGPROBS);
        }
        ChatResponse response = model.chat(request.build());
        return read(criterion, text, response);
    }

    private Judgement read(String criterion, String text, ChatResponse response) {
        String reply = response.text() == null ? "" : response.text().strip();
        JsonNode verdict;
        try {
            verdict = JsonFiles.mapper().readTree(reply);
        } catch (IOException e) {
            throw unreadable(criterion, "it is not JSON", reply);
        }
        if (verdict == null || !verdict.isObject()) {
            throw unreadable(criterion, "it is not a JSON object", reply);
        }
        double value = probability == Probability.LOGPROBS
                ? fromLogprobs(criterion, verdict, response, reply)
                : stated(criterion, verdict, reply);
        JsonNode reason = verdict.get("reason");
        if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
            throw unreadable(criterion, "it has no 'reason'", reply);
        }
        return new Judgement(criterion, text, value, threshold, reason.asText().strip());
    }

    private static double stated(String criterion, JsonNode verdict, String reply) {
        JsonNode probability = verdict.get("probability");
        if (probability == null || !probability.isNumber()) {
            throw unreadable(criterion, "it has no number 'probability'", reply);
        }
        double value = probability.asDouble();
        if (!(value >= 0 && value <= 1)) {
            throw unreadable(criterion, "its probability " + value + " is not in [0, 1]", reply);
        }
        return value;
    }

    private static double fromLogprobs(String criterion, JsonNode verdict, ChatResponse response, String reply) {
        JsonNode met = verdict.get("met");
        if (met == null || !met.isBoolean()) {
            throw unreadable(criterion, "it has no boolean 'met', whose token's log-probabilities decide", reply);
        }
        if (response.logprobs().isEmpty()) {
            throw new JudgeReplyException("The judge's reply about criterion '" + criterion + "' came without"
                    + " log-probabilities, and rpt.judge.probability=logprobs needs them: this provider or model gives"
                    + " none (Anthropic never does). Set rpt.judge.probability=stated, or use a judge model that"
                    + " returns logprobs.");
        }
        return VerdictLogprobs.probabilityMet(response.logprobs())
                .orElseThrow(() -> unreadable(
                        criterion,
                        "its log-probabilities hold no 'true' or 'false' for 'met' (rpt.judge.probability=logprobs)",
                        reply));
    }

    private static JudgeReplyException unreadable(String criterion, String why, String reply) {
        return new JudgeReplyException("The judge's reply about criterion '" + criterion + "' cannot be read: " + why
                + ". A judge must reply with {\"met\": boolean, \"probability\": number in [0, 1], \"reason\":"
                + " text}; check rpt.judge.prompt and rpt.judge.model. Reply: " + Excerpt.of(reply));
    }
}
