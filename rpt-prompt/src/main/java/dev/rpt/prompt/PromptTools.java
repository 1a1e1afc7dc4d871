package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.ToolChoice;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The tools a prompt may call and how: {@code tools} in the front matter, with {@code config.toolChoice} and {@code
 * config.parallelToolCalls}.
 *
 * @param tools the declared tools, in file order; empty for a prompt that calls none
 * @param choice {@code config.toolChoice}: {@code auto}, {@code required}, {@code none} or one tool's name; empty for
 *     the provider's default
 * @param parallelCalls {@code config.parallelToolCalls}; empty for the provider's default
 */
@API(status = EXPERIMENTAL, since = "0.3")
public record PromptTools(List<PromptTool> tools, Optional<ToolChoice> choice, Optional<Boolean> parallelCalls) {

    /** A prompt that declares no tool. */
    public static final PromptTools NONE = new PromptTools(List.of(), Optional.empty(), Optional.empty());

    public PromptTools {
        tools = List.copyOf(tools);
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(parallelCalls, "parallelCalls");
    }

    /** The declared tool with this name, if any. */
    public Optional<PromptTool> tool(String name) {
        return tools.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    /** Copies the tools, the choice and the parallel-calls setting onto a request builder, when the prompt has tools. */
    public ChatRequest.Builder applyTo(ChatRequest.Builder builder) {
        if (tools.isEmpty()) {
            return builder;
        }
        builder.tools(tools.stream().map(PromptTool::toDefinition).toList());
        choice.ifPresent(builder::toolChoice);
        parallelCalls.ifPresent(builder::parallelToolCalls);
        return builder;
    }
}
