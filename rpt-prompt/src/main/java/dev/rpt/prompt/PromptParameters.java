package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rpt.chat.ChatRequest;
import org.apiguardian.api.API;

/**
 * The model parameters of the front matter's {@code config} block. A null value leaves the parameter to the
 * provider's (or the run configuration's) default.
 *
 * @param temperature {@code config.temperature}, in [0, 2]
 * @param maxOutputTokens {@code config.maxOutputTokens}, positive
 * @param seed {@code config.seed}
 * @param logprobs {@code config.logprobs}, or true when {@code topLogprobs} is positive
 * @param topLogprobs {@code config.topLogprobs}, in [0, 20]
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PromptParameters(
        Double temperature, Integer maxOutputTokens, Long seed, boolean logprobs, int topLogprobs) {

    /** No parameters: every value is left to the defaults. */
    public static final PromptParameters NONE = new PromptParameters(null, null, null, false, 0);

    public PromptParameters {
        if (topLogprobs > 0) {
            logprobs = true;
        }
    }

    /** Copies the parameters that are set onto a request builder. */
    public ChatRequest.Builder applyTo(ChatRequest.Builder builder) {
        if (temperature != null) {
            builder.temperature(temperature);
        }
        if (maxOutputTokens != null) {
            builder.maxTokens(maxOutputTokens);
        }
        if (seed != null) {
            builder.seed(seed);
        }
        if (logprobs) {
            builder.logprobs(true, topLogprobs);
        }
        return builder;
    }
}
