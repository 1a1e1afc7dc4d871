package dev.rpt.chat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One request to a chat model. The model name is not part of it: a {@code ChatModel} instance is bound to one model.
 *
 * @param messages the conversation so far, at least one message
 * @param tools the functions the model may call; empty for none
 * @param toolChoice whether and which tool to call; null leaves it to the provider's default
 * @param responseFormat the structured-output schema; null for free text
 * @param temperature sampling temperature; null for the provider's default
 * @param maxTokens the output token limit; null for the provider's default (Anthropic requires one, its provider
 *     supplies a default)
 * @param seed a sampling seed for providers that support one; null for none
 * @param logprobs whether to return token log-probabilities
 * @param topLogprobs how many alternatives per token, 0 for none
 * @param sampleIndex which independent sample this is (0 for the first); part of the cache key, so that repeated
 *     samples never come from the cache, and sent to no provider
 * @param parallelToolCalls whether the model may call several tools in one turn; null leaves it to the provider's
 *     default (which allows it)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ChatRequest(
        List<ChatMessage> messages,
        List<ToolDefinition> tools,
        ToolChoice toolChoice,
        ResponseFormat responseFormat,
        Double temperature,
        Integer maxTokens,
        Long seed,
        boolean logprobs,
        int topLogprobs,
        int sampleIndex,
        Boolean parallelToolCalls) {

    public ChatRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (toolChoice != null && tools.isEmpty() && toolChoice != ToolChoice.NONE) {
            throw new IllegalArgumentException("tool_choice " + toolChoice + " needs at least one tool");
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be in [0, 2], got " + temperature);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive, got " + maxTokens);
        }
        if (topLogprobs < 0 || topLogprobs > 20) {
            throw new IllegalArgumentException("topLogprobs must be in [0, 20], got " + topLogprobs);
        }
        if (topLogprobs > 0 && !logprobs) {
            throw new IllegalArgumentException("topLogprobs needs logprobs enabled");
        }
        if (sampleIndex < 0) {
            throw new IllegalArgumentException("sampleIndex cannot be negative");
        }
        if (parallelToolCalls != null && tools.isEmpty()) {
            throw new IllegalArgumentException("parallelToolCalls needs at least one tool");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this request, e.g. to append the next turn of a conversation. */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .tools(tools)
                .toolChoice(toolChoice)
                .responseFormat(responseFormat)
                .temperature(temperature)
                .maxTokens(maxTokens)
                .seed(seed)
                .logprobs(logprobs, topLogprobs)
                .sampleIndex(sampleIndex)
                .parallelToolCalls(parallelToolCalls);
        builder.messages.addAll(messages);
        return builder;
    }

    /** Builds a {@link ChatRequest}. */
    public static final class Builder {
        private final List<ChatMessage> messages = new ArrayList<>();
        private List<ToolDefinition> tools = List.of();
        private ToolChoice toolChoice;
        private ResponseFormat responseFormat;
        private Double temperature;
        private Integer maxTokens;
        private Long seed;
        private boolean logprobs;
        private int topLogprobs;
        private int sampleIndex;
        private Boolean parallelToolCalls;

        private Builder() {}

        public Builder message(ChatMessage message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        public Builder messages(List<ChatMessage> messages) {
            messages.forEach(this::message);
            return this;
        }

        public Builder system(String content) {
            return message(ChatMessage.system(content));
        }

        public Builder user(String content) {
            return message(ChatMessage.user(content));
        }

        public Builder tools(List<ToolDefinition> tools) {
            this.tools = List.copyOf(tools);
            return this;
        }

        public Builder toolChoice(ToolChoice toolChoice) {
            this.toolChoice = toolChoice;
            return this;
        }

        public Builder responseFormat(ResponseFormat responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder maxTokens(Integer maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder logprobs(boolean logprobs, int topLogprobs) {
            this.logprobs = logprobs;
            this.topLogprobs = topLogprobs;
            return this;
        }

        public Builder sampleIndex(int sampleIndex) {
            this.sampleIndex = sampleIndex;
            return this;
        }

        /** Whether the model may call several tools in one turn; null for the provider's default. */
        public Builder parallelToolCalls(Boolean parallelToolCalls) {
            this.parallelToolCalls = parallelToolCalls;
            return this;
        }

        public ChatRequest build() {
            return new ChatRequest(
                    messages,
                    tools,
                    toolChoice,
                    responseFormat,
                    temperature,
                    maxTokens,
                    seed,
                    logprobs,
                    topLogprobs,
                    sampleIndex,
                    parallelToolCalls);
        }
    }
}
