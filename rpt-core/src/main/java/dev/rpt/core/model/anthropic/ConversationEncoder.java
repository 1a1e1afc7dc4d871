package dev.rpt.core.model.anthropic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the SPI's conversation into Anthropic's {@code system} string and {@code messages} array.
 *
 * <p>Anthropic differs from the OpenAI shape in three ways bridged here: the system prompt is a top-level field, so
 * system messages are only allowed before the conversation starts; tool results travel as {@code tool_result} blocks
 * in a user turn; and roles must alternate, so consecutive turns of one role (including a tool result followed by a
 * user message) are merged into one turn whose blocks keep their order.
 */
final class ConversationEncoder {

    private ConversationEncoder() {}

    /** The joined system prompt (null when there is none) and the encoded turns. */
    record Conversation(String system, ArrayNode messages) {}

    static Conversation encode(List<ChatMessage> messages) {
        List<String> system = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            if (message.role() == Role.SYSTEM) {
                if (!turns.isEmpty()) {
                    throw new IllegalArgumentException("Message " + (i + 1)
                            + " is a SYSTEM message after the conversation started. Anthropic takes the system prompt"
                            + " only as one top-level field: put every system message before the first user message.");
                }
                system.add(message.content());
                continue;
            }
            String role = message.role() == Role.ASSISTANT ? "assistant" : "user";
            List<ObjectNode> blocks = blocks(message, i + 1);
            Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.role.equals(role)) {
                last.blocks.addAll(blocks);
            } else {
                turns.add(new Turn(role, new ArrayList<>(blocks)));
            }
        }
        if (turns.isEmpty()) {
            throw new IllegalArgumentException(
                    "The request has only system messages; Anthropic needs at least one user message after them.");
        }
        ArrayNode encoded = AnthropicJson.MAPPER.createArrayNode();
        turns.forEach(turn -> encoded.add(turn.toJson()));
        return new Conversation(system.isEmpty() ? null : String.join("\n\n", system), encoded);
    }

    private static List<ObjectNode> blocks(ChatMessage message, int position) {
        List<ObjectNode> blocks = new ArrayList<>();
        switch (message.role()) {
            case USER -> blocks.add(text(message.content()));
            case TOOL -> blocks.add(toolResult(message));
            case ASSISTANT -> {
                // Anthropic rejects empty text blocks, and a tool-only turn commonly has no text.
                if (message.content() != null && !message.content().isEmpty()) {
                    blocks.add(text(message.content()));
                }
                message.toolCalls().forEach(call -> blocks.add(toolUse(call)));
                if (blocks.isEmpty()) {
                    throw new IllegalArgumentException("Message " + position
                            + " is an assistant message with neither text nor tool calls; give it content or drop it.");
                }
            }
            case SYSTEM -> throw new IllegalStateException("system messages are handled by the caller");
        }
        return blocks;
    }

    private static ObjectNode text(String text) {
        ObjectNode block = AnthropicJson.MAPPER.createObjectNode();
        block.put("type", "text");
        block.put("text", text);
        return block;
    }

    private static ObjectNode toolUse(ToolCall call) {
        ObjectNode block = AnthropicJson.MAPPER.createObjectNode();
        block.put("type", "tool_use");
        block.put("id", call.id());
        block.put("name", call.name());
        // Some models send an empty string for a call without arguments; it means an empty object.
        String arguments = call.arguments().isBlank() ? "{}" : call.arguments();
        block.set(
                "input",
                AnthropicJson.parseObject(
                        arguments, "The arguments of tool call " + call.id() + " (" + call.name() + ")"));
        return block;
    }

    private static ObjectNode toolResult(ChatMessage message) {
        ObjectNode block = AnthropicJson.MAPPER.createObjectNode();
        block.put("type", "tool_result");
        block.put("tool_use_id", message.toolCallId());
        block.put("content", message.content());
        if (message.toolError()) {
            block.put("is_error", true);
        }
        return block;
    }

    /** One turn being assembled; mutable only while encoding. */
    private record Turn(String role, List<ObjectNode> blocks) {

        ObjectNode toJson() {
            ObjectNode turn = AnthropicJson.MAPPER.createObjectNode();
            turn.put("role", role);
            if (blocks.size() == 1 && "text".equals(blocks.get(0).get("type").asText())) {
                // The plain-string form for the common single-text turn keeps bodies short and readable.
                turn.put("content", blocks.get(0).get("text").asText());
            } else {
                ArrayNode content = turn.putArray("content");
                blocks.forEach(content::add);
            }
            return turn;
        }
    }
}
