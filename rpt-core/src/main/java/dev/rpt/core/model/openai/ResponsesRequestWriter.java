package dev.rpt.core.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.chat.Role;
import dev.rpt.chat.ToolChoice;
import dev.rpt.chat.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a {@link ChatRequest} as a Responses API body ({@code POST /responses}; openai-python {@code
 * types/responses/response_create_params.py}). Fields in one fixed order, unset ones left out, so equal requests give
 * equal bytes:
 *
 * <ol>
 *   <li>{@code model}
 *   <li>{@code instructions}: the leading system messages, joined by a blank line
 *   <li>{@code input}: items in order: a message ({@code role}, {@code content}) per user, assistant or later system
 *       message; a {@code function_call} ({@code call_id}, {@code name}, {@code arguments}) per tool call of an
 *       assistant message; a {@code function_call_output} ({@code call_id}, {@code output}) per tool result
 *   <li>{@code tools}: each {@code type: function}, {@code name}, {@code description}, {@code parameters}, {@code
 *       strict} (flat, not under {@code function} as in Chat Completions)
 *   <li>{@code tool_choice}: {@code auto}, {@code required}, {@code none} or {@code {type: function, name}}
 *   <li>{@code parallel_tool_calls}, when the request says
 *   <li>{@code temperature}
 *   <li>{@code max_output_tokens}
 *   <li>{@code reasoning}: {@code {effort}} from {@code rpt.reasoning-effort}
 *   <li>{@code text}: {@code {format: {type: json_schema, name, strict, schema}}}
 *   <li>{@code include: ["message.output_text.logprobs"]} and {@code top_logprobs}, when log-probabilities are asked
 *   <li>{@code store: false}: rpt never reads a response back by its id, and a stored response would keep the test
 *       data at the provider
 * </ol>
 *
 * <p>The API has no seed: {@link ChatRequest#seed()} is not sent, nor {@link ChatRequest#sampleIndex()}, which only
 * keeps repeated samples apart in the cache. A failed tool says so in its output, as on Chat Completions.
 */
final class ResponsesRequestWriter extends RequestWriter {

    /** What {@code include} asks for to get log-probabilities of the answer's tokens. */
    static final String LOGPROBS = "message.output_text.logprobs";

    ResponsesRequestWriter(String model, OpenAiOptions options) {
        this(model, options, System.out::println);
    }

    /** @param warnings where a schema sent without {@code strict} is said, once per schema */
    ResponsesRequestWriter(String model, OpenAiOptions options, Consumer<String> warnings) {
        super(model, options, warnings);
    }

    @Override
    ObjectNode tree(ChatRequest request) {
        ObjectNode body = OpenAiJson.object();
        body.put("model", model);
        List<String> instructions = new ArrayList<>();
        int first = 0;
        while (first < request.messages().size()
                && request.messages().get(first).role() == Role.SYSTEM) {
            instructions.add(request.messages().get(first).content());
            first++;
        }
        if (!instructions.isEmpty()) {
            body.put("instructions", String.join("\n\n", instructions));
        }
        ArrayNode input = body.putArray("input");
        request.messages().subList(first, request.messages().size()).forEach(message -> items(message, input));
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
        if (request.maxTokens() != null) {
            body.put("max_output_tokens", request.maxTokens());
        }
        options.reasoningEffort()
                .ifPresent(effort -> body.putObject("reasoning").put("effort", effort));
        if (request.responseFormat() != null) {
            body.putObject("text").set("format", format(request.responseFormat()));
        }
        if (request.logprobs()) {
            body.putArray("include").add(LOGPROBS);
            if (request.topLogprobs() > 0) {
                body.put("top_logprobs", request.topLogprobs());
            }
        }
        body.put("store", false);
        return body;
    }

    private static void items(ChatMessage message, ArrayNode input) {
        switch (message.role()) {
            case TOOL -> {
                ObjectNode output = input.addObject();
                output.put("type", "function_call_output");
                output.put("call_id", message.toolCallId());
                output.put("output", message.content() == null ? "" : message.content());
            }
            case ASSISTANT -> {
                // A turn that only called tools has no text: an empty assistant message would be noise to the model.
                if (message.content() != null && !message.content().isEmpty()) {
                    input.add(message("assistant", message.content()));
                }
                message.toolCalls().forEach(call -> input.add(functionCall(call)));
            }
            case USER -> input.add(message("user", message.content()));
            case SYSTEM -> input.add(message("system", message.content()));
        }
    }

    private static ObjectNode message(String role, String content) {
        ObjectNode node = OpenAiJson.object();
        node.put("role", role);
        node.put("content", content == null ? "" : content);
        return node;
    }

    private static ObjectNode functionCall(ToolCall call) {
        ObjectNode node = OpenAiJson.object();
        node.put("type", "function_call");
        node.put("call_id", call.id());
        node.put("name", call.name());
        // A string, byte for byte what the model produced, even when it is not valid JSON.
        node.put("arguments", call.arguments());
        return node;
    }

    private ObjectNode tool(ToolDefinition tool) {
        ObjectNode node = OpenAiJson.object();
        node.put("type", "function");
        node.put("name", tool.name());
        node.put("description", tool.description());
        OutgoingSchemas.Sent parameters = schemas.parameters(tool);
        node.set("parameters", parameters.schema());
        node.put("strict", parameters.strict());
        return node;
    }

    private static JsonNode toolChoice(ToolChoice choice) {
        if (choice instanceof ToolChoice.Function function) {
            ObjectNode node = OpenAiJson.object();
            node.put("type", "function");
            node.put("name", function.name());
            return node;
        }
        return OpenAiJson.MAPPER.getNodeFactory().textNode(((ToolChoice.Mode) choice).value());
    }

    private ObjectNode format(ResponseFormat format) {
        ObjectNode node = OpenAiJson.object();
        node.put("type", "json_schema");
        node.put("name", format.name());
        OutgoingSchemas.Sent schema = schemas.output(format);
        node.put("strict", schema.strict());
        node.set("schema", schema.schema());
        return node;
    }
}
