package dev.rpt.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.Role;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.Excerpt;
import java.io.UncheckedIOException;
import java.util.List;

/** JSON reading and writing shared by the critic and optimizer roles, with their one error for unreadable input. */
final class SimJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SimJson() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Compact JSON in insertion order, so that identical inputs give byte-identical replies. */
    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a JSON object the role needs.
     *
     * @param what names the input for the error, e.g. {@code the critic's user message}
     * @param expected the shape the role expects, for the error
     * @throws BadRequestException when the text is not a JSON object
     */
    static JsonNode parseObject(String text, String what, String expected) {
        JsonNode node = tryObject(text);
        if (node == null) {
            throw unreadable(text, what, expected);
        }
        return node;
    }

    /** The text as a JSON object, or null when it is none. */
    static JsonNode tryObject(String text) {
        if (text == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The one error for input a role cannot read: what it read, what it expected, and an excerpt of what it got. */
    static BadRequestException unreadable(String text, String what, String expected) {
        return new BadRequestException(
                400,
                "the rpt simulator reads " + what + " as a JSON object " + expected + ", but got: "
                        + Excerpt.of(String.valueOf(text)) + ". Send that message as the rpt tuner does.");
    }

    /** The content of the first message with the role, or null. */
    static String first(List<ChatMessage> messages, Role role) {
        for (ChatMessage message : messages) {
            if (message.role() == role) {
                return message.content();
            }
        }
        return null;
    }

    /** The content of the last message with the role, or null. */
    static String last(List<ChatMessage> messages, Role role) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == role) {
                return messages.get(i).content();
            }
        }
        return null;
    }
}
