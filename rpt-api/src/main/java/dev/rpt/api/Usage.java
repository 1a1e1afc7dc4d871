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
 * @param cacheWriteTokens the input tokens written to the provider's prompt cache (part of {@code promptTokens}; billed
 *     above plain input by Anthropic)
 * @param longCacheWriteTokens of those, the ones written for the longer lifetime (Anthropic's one hour, billed higher
 *     than its five minutes)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Usage(
        long promptTokens,
        long completionTokens,
        long totalTokens,
        long cachedPromptTokens,
        long reasoningTokens,
        long cacheWriteTokens,
        long longCacheWriteTokens) {

    public static final Usage ZERO = new Usage(0, 0, 0);

    public Usage {
        if (promptTokens < 0
                || completionTokens < 0
                || totalTokens < 0
                || cachedPromptTokens < 0
                || reasoningTokens < 0
                || cacheWriteTokens < 0
                || longCacheWriteTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
        if (longCacheWriteTokens > cacheWriteTokens) {
            throw new IllegalArgumentException("the long-lived cache writes are part of all cache writes");
        }
    }

    /** Usage without cache writes. */
    public Usage(
            long promptTokens, long completionTokens, long totalTokens, long cachedPromptTokens, long reasoningTokens) {
        this(promptTokens, completionTokens, totalTokens, cachedPromptTokens, reasoningTokens, 0, 0);
    }

    /** Usage without cached or reasoning tokens. */
    public Usage(long promptTokens, long completionTokens, long totalTokens) {
        this(promptTokens, completionTokens, totalTokens, 0, 0);
    }

    /** A copy with the provider's cached-input and reasoning counts. */
    public Usage withDetails(long cachedPromptTokens, long reasoningTokens) {
        return new Usage(
                promptTokens,
                completionTokens,
                totalTokens,
                cachedPromptTokens,
                reasoningTokens,
                cacheWriteTokens,
                longCacheWriteTokens);
    }

    /** A copy with the provider's prompt-cache writes: all of them, and of those the long-lived ones. */
    public Usage withCacheWrites(long cacheWriteTokens, long longCacheWriteTokens) {
        return new Usage(
                promptTokens,
                completionTokens,
                totalTokens,
                cachedPromptTokens,
                reasoningTokens,
                cacheWriteTokens,
                longCacheWriteTokens);
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
                reasoningTokens + other.reasoningTokens,
                cacheWriteTokens + other.cacheWriteTokens,
                longCacheWriteTokens + other.longCacheWriteTokens);
    }
}
