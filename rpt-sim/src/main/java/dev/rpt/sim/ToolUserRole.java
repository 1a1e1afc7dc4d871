package dev.rpt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.ToolCall;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.chat.ToolChoice;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The target of a prompt that calls tools: a keyword rule, not a model, so that tool-calling prompt tests run offline
 * and deterministically. Its rule is documented in {@code docs/simulator.md}:
 *
 * <ol>
 *   <li>It picks, among the offered tools, the one whose name shares the most words (split at {@code _} and {@code
 *       -}) with the last user message, the first declared on a tie (a forced tool choice wins; {@code required}
 *       with no shared word takes the first). If that tool has not been called since the last user message, it
 *       calls it, unless the prompt asks to look an order up first ({@link PromptTraits#lookUpFirst()}), the message
 *       holds an id and no lookup of it is in the conversation yet: then it calls the lookup tool first.
 *   <li>Otherwise, after tool results, it answers in text with what they said: {@code According to lookup_order:
 *       {...}.}; with no result and no tool to call, it says which tools it has.
 *   <li>The call's arguments come from the message, property by property of the tool's schema: a string takes the
 *       first id-like token (capital letters then digits, e.g. {@code A1}), a number or integer the first number that
 *       is not part of an id, a boolean is true; what the message does not hold is left out.
 * </ol>
 */
final class ToolUserRole implements SimRole {

    private static final Pattern ID = Pattern.compile("\\b[A-Z]+[0-9]+\\b");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9.])[0-9]+(?:\\.[0-9]+)?\\b");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    @Override
    public String name() {
        return "tool-user";
    }

    @Override
    public ChatResponse respond(ChatRequest request, String modelLabel) {
        List<ChatMessage> messages = request.messages();
        int lastUser = lastIndexOf(messages, Role.USER);
        List<ChatMessage> since = messages.subList(lastUser + 1, messages.size());
        long promptTokens = TokenEstimate.ofMessages(messages);
        String message = lastUser < 0 ? "" : messages.get(lastUser).content();
        ToolDefinition tool = choose(request, message);
        Set<String> called = since.stream()
                .flatMap(m -> m.toolCalls().stream())
                .map(ToolCall::name)
                .collect(Collectors.toSet());
        if (tool != null && !called.contains(tool.name())) {
            ToolDefinition next = lookUpFirst(request, messages, tool, message).orElse(tool);
            String arguments = arguments(next, message);
            ToolCall call = new ToolCall("call_sim_" + (messages.size()), next.name(), arguments);
            return new ChatResponse(
                    null,
                    List.of(call),
                    null,
                    FinishReason.TOOL_CALLS,
                    usage(promptTokens, next.name() + arguments),
                    List.of(),
                    modelLabel,
                    false);
        }
        List<ChatMessage> results =
                since.stream().filter(m -> m.role() == Role.TOOL).toList();
        String text = results.isEmpty()
                ? "I can help with: "
                        + request.tools().stream().map(ToolDefinition::name).collect(Collectors.joining(", ")) + "."
                : results.stream()
                                .map(result -> "According to " + toolName(messages, result.toolCallId()) + ": "
                                        + result.content())
                                .collect(Collectors.joining(" "))
                        + ".";
        return new ChatResponse(
                text, List.of(), null, FinishReason.STOP, usage(promptTokens, text), List.of(), modelLabel, false);
    }

    /**
     * The lookup to call before {@code chosen}, when the prompt asks to look an order up first ({@link
     * PromptTraits#lookUpFirst()}), a lookup tool (a name holding {@code lookup} or {@code look_up}) is offered, the
     * message holds an id, and the conversation has no call of the lookup for that id yet; empty otherwise, so a
     * prompt without the trait acts at once.
     */
    private static Optional<ToolDefinition> lookUpFirst(
            ChatRequest request, List<ChatMessage> messages, ToolDefinition chosen, String message) {
        if (!TraitDetector.detect(request).lookUpFirst() || isLookup(chosen)) {
            return Optional.empty();
        }
        Optional<ToolDefinition> lookup =
                request.tools().stream().filter(ToolUserRole::isLookup).findFirst();
        Matcher id = ID.matcher(message);
        if (!id.find()) {
            // Nothing to look up: a message without an id (an escalation, small talk) is acted on at once.
            return Optional.empty();
        }
        String orderId = id.group();
        boolean lookedUp = messages.stream()
                .flatMap(m -> m.toolCalls().stream())
                .anyMatch(call -> isLookup(call.name()) && call.arguments().contains(orderId));
        return lookedUp ? Optional.empty() : lookup;
    }

    private static boolean isLookup(ToolDefinition tool) {
        return isLookup(tool.name());
    }

    private static boolean isLookup(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("lookup") || lower.contains("look_up");
    }

    private static ToolDefinition choose(ChatRequest request, String message) {
        if (request.toolChoice() instanceof ToolChoice.Function forced) {
            return request.tools().stream()
                    .filter(tool -> tool.name().equals(forced.name()))
                    .findFirst()
                    .orElse(null);
        }
        if (request.toolChoice() == ToolChoice.NONE) {
            return null;
        }
        Set<String> words = words(message);
        ToolDefinition best = null;
        long bestScore = 0;
        for (ToolDefinition tool : request.tools()) {
            long score = Arrays.stream(tool.name().toLowerCase(Locale.ROOT).split("[_-]+"))
                    .filter(words::contains)
                    .count();
            if (score > bestScore) {
                best = tool;
                bestScore = score;
            }
        }
        if (best == null && request.toolChoice() == ToolChoice.REQUIRED) {
            return request.tools().get(0);
        }
        return best;
    }

    private static String arguments(ToolDefinition tool, String message) {
        ObjectNode arguments = SimJson.object();
        JsonNode schema = SimJson.tryObject(tool.parameters().json());
        JsonNode properties = schema == null ? SimJson.object() : schema.path("properties");
        Matcher id = ID.matcher(message);
        String firstId = id.find() ? id.group() : null;
        Matcher number = NUMBER.matcher(ID.matcher(message).replaceAll(" "));
        String firstNumber = number.find() ? number.group() : null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = properties.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String type = field.getValue().path("type").isArray()
                    ? field.getValue().path("type").get(0).asText()
                    : field.getValue().path("type").asText("string");
            switch (type) {
                case "string" -> {
                    if (firstId != null) {
                        arguments.put(field.getKey(), firstId);
                    }
                }
                case "number" -> {
                    if (firstNumber != null) {
                        arguments.put(field.getKey(), new BigDecimal(firstNumber));
                    }
                }
                case "integer" -> {
                    if (firstNumber != null && !firstNumber.contains(".")) {
                        arguments.put(field.getKey(), Long.parseLong(firstNumber));
                    }
                }
                case "boolean" -> arguments.put(field.getKey(), true);
                default -> {
                    // Objects and arrays are left out: the rule fills only what a message can spell.
                }
            }
        }
        return arguments.toString();
    }

    private static Set<String> words(String text) {
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        Set<String> words = new HashSet<>();
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static int lastIndexOf(List<ChatMessage> messages, Role role) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == role) {
                return i;
            }
        }
        return -1;
    }

    private static String toolName(List<ChatMessage> messages, String callId) {
        return messages.stream()
                .flatMap(m -> m.toolCalls().stream())
                .filter(call -> call.id().equals(callId))
                .map(ToolCall::name)
                .findFirst()
                .orElse("the tool");
    }

    private static Usage usage(long promptTokens, String output) {
        return Usage.of(promptTokens, TokenEstimate.of(output));
    }
}
