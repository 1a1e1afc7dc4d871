package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Token usage of one or more calls.
 *
 * @param promptTokens input tokens
 * @param completionTokens output tokens
 * @param totalTokens as reported by the provider, or the sum when it reports none
 * @param cachedPromptTokens the input tokens the provider served from its prompt cache (part of {@code
 *     promptTokens}, usually billed at a lower rate)
 * @param reasoningTokens the output tokens a reasoning model spent on reasoning (part of {@code completionTokens})
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Usage(
        long promptTokens, long completionTokens, long totalTokens, long cachedPromptTokens, long reasoningTokens) {

    public static final Usage ZERO = new Usage(0, 0, 0);

    public Usage {
        if (promptTokens < 0
                || completionTokens < 0
                || totalTokens < 0
                || cachedPromptTokens < 0
                || reasoningTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    /** Usage without cached or reasoning tokens. */
    public Usage(long promptTokens, long completionTokens, long totalTokens) {
        this(promptTokens, completionTokens, totalTokens, 0, 0);
    }

    /** A copy with the provider's cached-input and reasoning counts. */
    public Usage withDetails(long cachedPromptTokens, long reasoningTokens) {
        return new Usage(promptTokens, completionTokens, totalTokens, cachedPromptTokens, reasoningTokens);
    }

    /** Usage from input and output counts, with the total as their sum. */
    public static Usage of(long promptTokens, long completionTokens) {
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens);
    }

    public Usage plus(Usage other) {
        return new Usage(
                promptTokens + other.promptTokens,
                completionTokens + other.completionTokens,
                totalTokens + other.totalTokens,
                cachedPromptTokens + other.cachedPromptTokens,
                reasoningTokens + other.reasoningTokens);
    }
}
