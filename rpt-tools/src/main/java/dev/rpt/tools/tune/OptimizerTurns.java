package dev.rpt.tools.tune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.ToolChoice;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelException;
import java.io.IOException;
import java.util.Optional;

/**
 * The optimizer's side of the conversation: asking for its next turn (a forced function call), nudging it back when it
 * answers in text, and reading each call's arguments, with a corrective message when they are malformed.
 */
final class OptimizerTurns {

    private static final ObjectMapper JSON = JsonFiles.mapper();
    private static final int MAX_NUDGES = 2;

    private final ChatModel optimizer;

    OptimizerTurns(ChatModel optimizer) {
        this.optimizer = optimizer;
    }

    /** The optimizer's next turn; empty, with the tune stopped, when the optimizer fails after an evaluation. */
    Optional<ChatResponse> ask(TuneState state) throws IOException {
        ChatResponse response;
        try {
            response = optimizer.chat(ChatRequest.builder()
                    .messages(state.conversation.messages())
                    .tools(OptimizerTools.forPrompt(state.seed))
                    .toolChoice(ToolChoice.REQUIRED)
                    .temperature(0.0)
                    .maxTokens(Tuner.OPTIMIZER_MAX_TOKENS)
                    .build());
        } catch (ModelException e) {
            if (state.evaluations.isEmpty()) {
                throw new TuneStopped("The optimizer model failed before the first evaluation: " + e.getMessage(), e);
            }
            state.stop("the optimizer model failed (" + e.getClass().getSimpleName() + "): " + e.getMessage());
            return Optional.empty();
        }
        state.recorder.transcript(state.evaluations.size(), response);
        return Optional.of(response);
    }

    /** A reply in text: ask again for a function call, a few times. */
    void nudge(TuneState state, ChatResponse response) {
        if (++state.nudges > MAX_NUDGES) {
            throw new TuneStopped(
                    "The optimizer answered " + state.nudges + " times in text without calling a tool."
                            + " Use a model that supports function calling (for vLLM start the server with"
                            + " --enable-auto-tool-choice), or another rpt.tune.optimizer.model.",
                    null);
        }
        state.conversation.add(ChatMessage.assistant(spokenText(response)));
        state.conversation.add(ChatMessage.user("Call a function: evaluate_prompt with the candidate sections,"
                + " inspect_failures, or decide. Do not answer in text."));
    }

    /**
     * What the optimizer's turn said, for the conversation. A turn with neither text nor a tool call (a refusal, an
     * Anthropic {@code pause_turn}) must still be an assistant message, and providers reject an empty one; so it
     * carries the refusal, or says that the turn was empty.
     */
    static String spokenText(ChatResponse response) {
        if (response.text() != null && !response.text().isBlank()) {
            return response.text();
        }
        if (response.refusal() != null && !response.refusal().isBlank()) {
            return response.refusal();
        }
        return "(no text and no function call)";
    }

    /** A call's arguments as a JSON object; empty, with a corrective message, when they are malformed. */
    static Optional<JsonNode> arguments(TuneState state, ToolCall call) {
        try {
            JsonNode arguments = JSON.readTree(call.arguments());
            if (arguments == null || !arguments.isObject()) {
                throw new IllegalArgumentException("arguments are not a JSON object");
            }
            state.malformed = 0;
            return Optional.of(arguments);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (++state.malformed > 1) {
                state.stop("the optimizer sent malformed arguments to " + call.name() + " twice in a row");
                state.conversation.add(ChatMessage.toolError(call.id(), "Malformed arguments again; stopping."));
            } else {
                state.conversation.add(ChatMessage.toolError(
                        call.id(),
                        "The arguments of " + call.name() + " are not a valid JSON object (" + e.getMessage()
                                + "). Call it again with valid JSON that follows its schema."));
            }
            return Optional.empty();
        }
    }
}
