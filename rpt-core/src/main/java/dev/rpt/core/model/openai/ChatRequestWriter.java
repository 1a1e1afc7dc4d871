package dev.rpt.core.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.chat.ToolChoice;
import dev.rpt.chat.ToolDefinition;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Writes a {@link ChatRequest} as a Chat Completions request body. Unset values are left out rather than sent as
 * null, and fields are always written in the same order, so equal requests give equal bytes:
 *
 * <ol>
 *   <li>{@code model}
 *   <li>{@code messages}: each {@code role}, {@code content}, {@code tool_calls} ({@code id}, {@code type},
 *       {@code function} {@code {name, arguments}}), {@code tool_call_id}
 *   <li>{@code tools}: each {@code type}, {@code function} {@code {name, description, parameters, strict}}
 *   <li>{@code tool_choice}
 *   <li>{@code parallel_tool_calls}, when the request says
 *   <li>{@code temperature}
 *   <li>{@code seed}
 *   <li>{@code max_completion_tokens} or {@code max_tokens}
 *   <li>{@code reasoning_effort}, from {@code rpt.reasoning-effort}
 *   <li>{@code response_format}: {@code type}, {@code json_schema} {@code {name, strict, schema}}
 *   <li>{@code logprobs}, {@code top_logprobs}
 * </ol>
 *
 * <p>{@link ChatRequest#sampleIndex()} is never sent: it only keeps repeated samples apart in the cache.
 */
final class ChatRequestWriter extends RequestWriter {

    ChatRequestWriter(String model, OpenAiOptions options) {
        this(model, options, System.out::println);
    }

    /** @param warnings where a schema sent without {@code strict} is said, once per schema */
    ChatRequestWriter(String model, OpenAiOptions options, Consumer<String> warnings) {
        super(model, options, warnings);
    }

    @Override
    ObjectNode tree(ChatRequest request) {
        ObjectNode body = OpenAiJson.object();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(message -> messages.add(message(message)));
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(tool -> tools.add(tool(tool)));
        }
        if (request.toolChoice() != null) {
            body.set("tool_choice", toolChoice(request.toolChoice()));
        }
        if (request.parallelToolCalls() != null) {
            body.put("parallel_tool_calls", request.parallelToolCalls());
        }
        if (request.temperature() != null) {
            body.put("temperature", request.temperature());
        }
        if (request.seed() != null) {
            body.put("seed", request.seed());
        }
        if (request.maxTokens() != null) {
            body.put(options.maxTokensField().wireName(), request.maxTokens());
        }
        options.reasoningEffort().ifPresent(effort -> body.put("reasoning_effort", effort));
        if (request.responseFormat() != null) {
            body.set("response_format", responseFormat(request.responseFormat()));
        }
        if (request.logprobs()) {
            body.put("logprobs", true);
            if (request.topLogprobs() > 0) {
                body.put("top_logprobs", request.topLogprobs());
            }
        }
        return body;
    }

    private static ObjectNode message(ChatMessage message) {
        ObjectNode node = OpenAiJson.object();
        node.put("role", message.role().name().toLowerCase(Locale.ROOT));
        if (message.content() != null) {
            node.put("content", message.content());
        }
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            message.toolCalls().forEach(call -> calls.add(toolCall(call)));
        }
        if (message.toolCallId() != null) {
            // The wire format has no error flag; a failed tool says so in its content.
            node.put("tool_call_id", message.toolCallId());
        }
        return node;
    }

    private static ObjectNode toolCall(ToolCall call) {
        ObjectNode node = OpenAiJson.object();
        node.put("id", call.id());
        node.put("type", "function");
        ObjectNode function = node.putObject("function");
        function.put("name", call.name());
        // A string, byte for byte what the model produced, even when it is not valid JSON.
        function.put("arguments", call.arguments());
        return node;
    }

    private ObjectNode tool(ToolDefinition tool) {
        ObjectNode node = OpenAiJson.object();
        node.put("type", "function");
        ObjectNode function = node.putObject("function");
        function.put("name", tool.name());
        function.put("description", tool.description());
        OutgoingSchemas.Sent parameters = schemas.parameters(tool);
        function.set("parameters", parameters.schema());
        function.put("strict", parameters.strict());
        return node;
    }

    private static JsonNode toolChoice(ToolChoice choice) {
        if (choice instanceof ToolChoice.Function function) {
            ObjectNode node = OpenAiJson.object();
            node.put("type", "function");
            node.putObject("function").put("name", function.name());
            return node;
        }
        return OpenAiJson.MAPPER.getNodeFactory().textNode(((ToolChoice.Mode) choice).value());
    }

    private ObjectNode responseFormat(ResponseFormat format) {
        ObjectNode node = OpenAiJson.object();
        node.put("type", "json_schema");
        ObjectNode jsonSchema = node.putObject("json_schema");
        jsonSchema.put("name", format.name());
        OutgoingSchemas.Sent schema = schemas.output(format);
        jsonSchema.put("strict", schema.strict());
        jsonSchema.set("schema", schema.schema());
        return node;
    }
}
