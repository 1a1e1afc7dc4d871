package dev.rpt.core.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.Answer;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.TokenLogprob;
import dev.rpt.prompt.PromptOutput;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Turns a model reply into an {@link Answer}. Replies are read tolerantly: structured JSON first (also inside a
 * Markdown code fence or surrounded by prose), then {@code Answer: ... / Confidence: ...} lines, then the whole text
 * as the answer with a format error. A confidence that is absent, unreadable or outside [0, 1] is recorded as
 * missing, never replaced by a default.
 */
@API(status = INTERNAL, since = "0.1")
public final class AnswerExtractor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANSWER_LINE = Pattern.compile("(?im)^\\s*(?:final\\s+)?answer\\s*[:=]\\s*(.+?)\\s*$");
    private static final Pattern CONFIDENCE_LINE =
            Pattern.compile("(?im)^\\s*confidence\\s*[:=]\\s*([0-9]*\\.?[0-9]+)\\s*(%?)\\s*$");
    private static final Pattern JUSTIFICATION_LINE =
            Pattern.compile("(?im)^\\s*(?:justification|reasoning)\\s*[:=]\\s*(.+?)\\s*$");

    private AnswerExtractor() {}

    /**
     * Reads a reply as its prompt declares it: a text reply through the prompt's {@code output.answer} and {@code
     * output.confidence} patterns ({@link PromptOutput#extract}, as an application reads it); any other reply as
     * {@link #verbalized} does.
     */
    public static Answer read(ChatResponse response, PromptOutput output) {
        if (output.format() != PromptOutput.Format.TEXT) {
            return verbalized(response);
        }
        String raw = rawText(response);
        PromptOutput.Extracted extracted = output.extract(raw);
        // An answer the reply does not state where the prompt says it would is a format error with an empty answer;
        // the raw reply stays in the report.
        return new Answer(
                extracted.answer().orElse(""),
                raw,
                extracted.confidence(),
                Optional.empty(),
                response.toolCalls(),
                response.usage(),
                response.cached(),
                // A reply that calls tools answers with its calls: no text is expected of it.
                extracted.answer().isEmpty() && response.toolCalls().isEmpty());
    }

    /** Reads the answer and its stated confidence ({@link dev.rpt.api.ConfidenceMode#VERBALIZED}). */
    public static Answer verbalized(ChatResponse response) {
        String raw = rawText(response);
        Optional<JsonNode> json = firstJsonObject(raw);
        if (json.isPresent() && json.get().has("answer")) {
            JsonNode node = json.get();
            return new Answer(
                    scalarText(node.get("answer")),
                    raw,
                    confidenceOf(node.get("confidence")),
                    Optional.ofNullable(node.get("justification"))
                            .filter(JsonNode::isValueNode)
                            .map(JsonNode::asText),
                    response.toolCalls(),
                    response.usage(),
                    response.cached(),
                    false);
        }
        Matcher answerLine = ANSWER_LINE.matcher(raw);
        if (answerLine.find()) {
            Matcher confidenceLine = CONFIDENCE_LINE.matcher(raw);
            OptionalDouble confidence = confidenceLine.find()
                    ? normalize(
                            Double.parseDouble(confidenceLine.group(1)),
                            !confidenceLine.group(2).isEmpty())
                    : OptionalDouble.empty();
            Matcher justificationLine = JUSTIFICATION_LINE.matcher(raw);
            return new Answer(
                    answerLine.group(1),
                    raw,
                    confidence,
                    justificationLine.find() ? Optional.of(justificationLine.group(1)) : Optional.empty(),
                    response.toolCalls(),
                    response.usage(),
                    response.cached(),
                    false);
        }
        return new Answer(
                raw.strip(),
                raw,
                OptionalDouble.empty(),
                Optional.empty(),
                response.toolCalls(),
                response.usage(),
                response.cached(),
                // A reply that calls tools answers with its calls: no text is expected of it.
                response.toolCalls().isEmpty());
    }

    private static String rawText(ChatResponse response) {
        return response.text() != null
                ? response.text()
                : Optional.ofNullable(response.refusal()).orElse("");
    }

    /**
     * Reads the answer as {@link #read} does, then replaces its confidence with the joint probability of the tokens
     * that spell the answer ({@link dev.rpt.api.ConfidenceMode#LOGPROBS}); for a text reply, the tokens of the extracted answer
     * where it last occurs in the reply. When the provider returned no log-probabilities, or the answer cannot be
     * located in the tokens, the confidence is missing.
     */
    public static Answer fromLogprobs(ChatResponse response, PromptOutput output) {
        Answer answer = read(response, output);
        OptionalDouble confidence = LogprobConfidence.of(answer.text(), response.logprobs());
        return new Answer(
                answer.text(),
                answer.raw(),
                confidence,
                answer.justification(),
                answer.toolCalls(),
                answer.usage(),
                answer.cached(),
                answer.formatError());
    }

    private static Optional<JsonNode> firstJsonObject(String text) {
        int start = text.indexOf('{');
        while (start >= 0) {
            int end = text.lastIndexOf('}');
            while (end > start) {
                try {
                    JsonNode node = JSON.readTree(text.substring(start, end + 1));
                    if (node != null && node.isObject()) {
                        return Optional.of(node);
                    }
                } catch (JsonProcessingException notJsonHere) {
                    // Try a shorter span: the reply may have prose or a code fence after the object.
                }
                end = text.lastIndexOf('}', end - 1);
            }
            start = text.indexOf('{', start + 1);
        }
        return Optional.empty();
    }

    private static String scalarText(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static OptionalDouble confidenceOf(JsonNode node) {
        if (node == null || node.isNull()) {
            return OptionalDouble.empty();
        }
        if (node.isNumber()) {
            return normalize(node.asDouble(), false);
        }
        if (node.isTextual()) {
            // "0.8" or "80%": read as a prompt's output.confidence pattern reads it, so both paths agree.
            return PromptOutput.probability(node.asText());
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble normalize(double value, boolean percent) {
        double scaled = percent ? value / 100 : value;
        return scaled >= 0 && scaled <= 1 ? OptionalDouble.of(scaled) : OptionalDouble.empty();
    }

    /** Joint probability of the answer's tokens. */
    static final class LogprobConfidence {

        private LogprobConfidence() {}

        static OptionalDouble of(String answer, List<TokenLogprob> tokens) {
            if (tokens.isEmpty() || answer.isBlank()) {
                return OptionalDouble.empty();
            }
            StringBuilder text = new StringBuilder();
            int[] starts = new int[tokens.size()];
            for (int i = 0; i < tokens.size(); i++) {
                starts[i] = text.length();
                text.append(tokens.get(i).token());
            }
            int at = text.lastIndexOf(answer);
            if (at < 0) {
                return OptionalDouble.empty();
            }
            int end = at + answer.length();
            double logprob = 0;
            for (int i = 0; i < tokens.size(); i++) {
                int tokenEnd = starts[i] + tokens.get(i).token().length();
                if (tokenEnd > at && starts[i] < end) {
                    logprob += tokens.get(i).logprob();
                }
            }
            return OptionalDouble.of(Math.min(1, Math.exp(logprob)));
        }
    }
}
