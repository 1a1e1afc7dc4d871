package dev.rpt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.protocol.CriticFormats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tuner's critic: names the failure modes of one failed case ({@code failure_critique}) from the fixed
 * {@link FailureLabel} vocabulary, or groups critique labels by exact label ({@code failure_grouping}). Both read the
 * last user message as JSON and reply with the JSON object their schema asks for.
 */
final class CriticRole implements SimRole {

    static final String CRITIQUE_FORMAT = CriticFormats.CRITIQUE;
    static final String GROUPING_FORMAT = CriticFormats.GROUPING;

    @Override
    public String name() {
        return "critic";
    }

    /** Whether the request asks for a critic's reply. */
    static boolean wanted(ChatRequest request) {
        return request.responseFormat() != null
                && (CRITIQUE_FORMAT.equals(request.responseFormat().name())
                        || GROUPING_FORMAT.equals(request.responseFormat().name()));
    }

    @Override
    public ChatResponse respond(ChatRequest request, String modelLabel) {
        String user = SimJson.last(request.messages(), Role.USER);
        String text = GROUPING_FORMAT.equals(request.responseFormat().name())
                ? SimJson.write(group(SimJson.parseObject(
                        user, "the failure_grouping user message", "holding the critique labels to group")))
                : SimJson.write(critique(SimJson.parseObject(
                        user, "the failure_critique user message", "{\"task\": ..., \"case\": {...}}")));
        Usage usage = Usage.of(TokenEstimate.ofMessages(request.messages()), TokenEstimate.of(text));
        return new ChatResponse(text, List.of(), null, FinishReason.STOP, usage, List.of(), modelLabel, false);
    }

    /** {@code {"modes": [{label, definition, why, basis}]}} for the message's {@code case}. */
    static ObjectNode critique(JsonNode message) {
        JsonNode node = message.has("case") ? message.get("case") : message;
        ObjectNode reply = SimJson.object();
        ArrayNode modes = reply.putArray("modes");
        for (Critique critique : FailureClassifier.classify(CaseEvidence.of(node))) {
            modes.addObject()
                    .put("label", critique.label().label())
                    .put("definition", critique.label().definition())
                    .put("why", critique.why())
                    .put("basis", critique.basis());
        }
        return reply;
    }

    /**
     * {@code {"groups": [{label, definition, members}]}}: one group per distinct label, in order of first appearance.
     * Labels are every {@code label} field and every string of a {@code labels} array anywhere in the message; a
     * definition comes from the first labelled object that has one, else from the vocabulary.
     */
    static ObjectNode group(JsonNode message) {
        Map<String, String> definitions = new LinkedHashMap<>();
        collect(message, definitions);
        definitions.replaceAll((label, definition) -> definition.isEmpty() ? defaultDefinition(label) : definition);
        ObjectNode reply = SimJson.object();
        ArrayNode groups = reply.putArray("groups");
        definitions.forEach((label, definition) -> {
            ObjectNode group = groups.addObject().put("label", label).put("definition", definition);
            group.putArray("members").add(label);
        });
        return reply;
    }

    private static void collect(JsonNode node, Map<String, String> definitions) {
        if (node.isObject()) {
            JsonNode label = node.get("label");
            if (label != null && label.isTextual()) {
                JsonNode definition = node.get("definition");
                String known = definitions.get(label.asText());
                if (known == null || (known.isEmpty() && definition != null && definition.isTextual())) {
                    definitions.put(
                            label.asText(), definition != null && definition.isTextual() ? definition.asText() : "");
                }
            }
            JsonNode labels = node.get("labels");
            if (labels != null && labels.isArray()) {
                labels.forEach(each -> {
                    if (each.isTextual()) {
                        definitions.putIfAbsent(each.asText(), "");
                    }
                });
            }
            node.forEach(child -> collect(child, definitions));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, definitions));
        }
    }

    private static String defaultDefinition(String label) {
        FailureLabel known = FailureLabel.byLabel(label);
        return known != null ? known.definition() : "Failures a critique labelled '" + label + "'.";
    }
}
