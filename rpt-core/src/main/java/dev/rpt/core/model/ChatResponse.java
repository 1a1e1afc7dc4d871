package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatMessage;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A model's reply.
 *
 * @param text the text content; null when the model only called tools or refused
 * @param toolCalls the tool calls, in order; several are allowed per turn
 * @param refusal the refusal text when the model declined to answer, else null
 * @param finishReason why the model stopped
 * @param usage the tokens this call consumed (for a cached reply: what the original call consumed)
 * @param logprobs per-token log-probabilities of {@code text}; empty when not requested or not supported
 * @param model the model name the provider reports having used, e.g. a dated snapshot of the name asked for
 * @param systemFingerprint the provider's identifier of the backend configuration that served the reply (OpenAI's
 *     {@code system_fingerprint}), or null when it gives none; left out of a cache entry when null, so that entries
 *     of providers without one keep the bytes they had before the field existed
 * @param cached true when this reply came from the response cache instead of the provider
 * @param batch true when the provider answered this request in a batch ({@code rpt.batch}) during this run: billed at
 *     the batch price, not a free cache hit; never stored, since a later run reads it as a cached reply
 */
@API(status = INTERNAL, since = "0.1")
public record ChatResponse(
        String text,
        List<ToolCall> toolCalls,
        String refusal,
        FinishReason finishReason,
        Usage usage,
        List<TokenLogprob> logprobs,
        String model,
        @JsonInclude(JsonInclude.Include.NON_NULL) String systemFingerprint,
        boolean cached,
        @JsonIgnore boolean batch) {

    public ChatResponse {
        toolCalls = List.copyOf(toolCalls);
        logprobs = List.copyOf(logprobs);
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(model, "model");
    }

    /**
     * A reply the provider answered directly or the cache served ({@code cached}); how the cache reads an entry.
     * Entries written before {@code systemFingerprint} existed read it as null.
     */
    @JsonCreator
    public ChatResponse(
            @JsonProperty("text") String text,
            @JsonProperty("toolCalls") List<ToolCall> toolCalls,
            @JsonProperty("refusal") String refusal,
            @JsonProperty("finishReason") FinishReason finishReason,
            @JsonProperty("usage") Usage usage,
            @JsonProperty("logprobs") List<TokenLogprob> logprobs,
            @JsonProperty("model") String model,
            @JsonProperty("systemFingerprint") String systemFingerprint,
            @JsonProperty("cached") boolean cached) {
        this(text, toolCalls, refusal, finishReason, usage, logprobs, model, systemFingerprint, cached, false);
    }

    /** A reply without a system fingerprint, as most providers give. */
    public ChatResponse(
            String text,
            List<ToolCall> toolCalls,
            String refusal,
            FinishReason finishReason,
            Usage usage,
            List<TokenLogprob> logprobs,
            String model,
            boolean cached) {
        this(text, toolCalls, refusal, finishReason, usage, logprobs, model, null, cached, false);
    }

    /** This reply marked as served from the cache. */
    public ChatResponse asCached() {
        return new ChatResponse(
                text, toolCalls, refusal, finishReason, usage, logprobs, model, systemFingerprint, true, false);
    }

    /** This reply marked as answered in a batch during this run. */
    public ChatResponse asBatch() {
        return new ChatResponse(
                text, toolCalls, refusal, finishReason, usage, logprobs, model, systemFingerprint, false, true);
    }

    /** The assistant message that repeats this reply in the next request of a conversation. */
    public ChatMessage toMessage() {
        return ChatMessage.assistant(text, toolCalls);
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
