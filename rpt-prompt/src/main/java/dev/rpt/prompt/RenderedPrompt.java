package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.ResponseFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A prompt with its variables filled in: what is sent to the model.
 *
 * @param system the system text, empty when the file has no system section
 * @param user the user text
 * @param model the front matter's {@code model}, if set
 * @param parameters the front matter's {@code config}
 * @param responseFormat structured output from {@code output.schema}, if the prompt declares one
 * @param output what the front matter declares about the reply, to read it with {@link PromptOutput#extract}
 * @param tools the tools the prompt may call, from the front matter
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RenderedPrompt(
        String system,
        String user,
        Optional<String> model,
        PromptParameters parameters,
        Optional<ResponseFormat> responseFormat,
        PromptOutput output,
        PromptTools tools) {

    public RenderedPrompt {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(responseFormat, "responseFormat");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(tools, "tools");
    }

    /** A rendered prompt without tools. */
    public RenderedPrompt(
            String system,
            String user,
            Optional<String> model,
            PromptParameters parameters,
            Optional<ResponseFormat> responseFormat,
            PromptOutput output) {
        this(system, user, model, parameters, responseFormat, output, PromptTools.NONE);
    }

    /** The system message (when the system text is not empty) followed by the user message. */
    public List<ChatMessage> toMessages() {
        List<ChatMessage> messages = new ArrayList<>(2);
        if (!system.isEmpty()) {
            messages.add(ChatMessage.system(system));
        }
        messages.add(ChatMessage.user(user));
        return List.copyOf(messages);
    }

    /**
     * A request builder with the messages, the {@code config} parameters, the response format and the tools filled in.
     */
    public ChatRequest.Builder toRequestBuilder() {
        ChatRequest.Builder builder = ChatRequest.builder().messages(toMessages());
        responseFormat.ifPresent(builder::responseFormat);
        return tools.applyTo(parameters.applyTo(builder));
    }
}
