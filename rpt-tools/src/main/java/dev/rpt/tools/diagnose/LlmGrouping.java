package dev.rpt.tools.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.protocol.CriticFormats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups labels with one call to the critic model: the contract's {@code failure_grouping} call. Labels the reply
 * does not place stay modes of their own; a label placed twice keeps its first group.
 */
final class LlmGrouping implements LabelGrouping {

    static final String FORMAT_NAME = CriticFormats.GROUPING;

    static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"groups\":{\"type\":\"array\",\"items\":"
            + "{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\"},\"definition\":{\"type\":\"string\"},"
            + "\"members\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}},"
            + "\"required\":[\"label\",\"definition\",\"members\"],\"additionalProperties\":false}}},"
            + "\"required\":[\"groups\"],\"additionalProperties\":false}";

    static final String INSTRUCTIONS = """
            You group failure-mode labels that critics wrote about the failed cases of one prompt. Labels written \
            for different cases often name the same underlying problem in different words; put those in one group.

            Rules:
            - Every input label belongs to exactly one group; copy it into "members" exactly as given.
            - Group by cause, not by wording; do not merge labels that would need different prompt fixes.
            - Give each group a label of 2 to 6 words (reuse the most common member label when it fits) and a \
            one-sentence definition in general terms.
            - Prefer fewer, broader groups, but no more than needed: at most 8.
            - Reply with JSON only, following the given schema.
            """;

    private static final int MAX_TOKENS = 2_000;

    private final ChatModel model;

    LlmGrouping(ChatModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public Map<String, ModeName> group(List<LabelStats> labels) {
        ChatResponse response = model.chat(request(labels));
        JsonNode groups =
                MessageJson.parse(response.text(), "the grouping reply").path("groups");
        if (!groups.isArray() || groups.isEmpty()) {
            throw new IllegalArgumentException("the grouping reply has no groups");
        }
        Map<String, LabelStats> byKey = new HashMap<>();
        labels.forEach(stats -> byKey.put(stats.key(), stats));
        Map<String, ModeName> modes = new HashMap<>();
        for (JsonNode group : groups) {
            String label = Labels.clip(group.path("label").asText(""), Labels.MAX_LABEL);
            if (label.isEmpty()) {
                continue;
            }
            ModeName name =
                    new ModeName(label, Labels.clip(group.path("definition").asText(label), Labels.MAX_DEFINITION));
            for (JsonNode member : group.path("members")) {
                String key = Labels.key(member.asText(""));
                if (byKey.containsKey(key)) {
                    modes.putIfAbsent(key, name);
                }
            }
        }
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("the grouping reply places none of the given labels");
        }
        labels.forEach(stats -> modes.putIfAbsent(stats.key(), ModeName.of(stats)));
        return modes;
    }

    static ChatRequest request(List<LabelStats> labels) {
        ObjectNode root = MessageJson.MAPPER.createObjectNode();
        ArrayNode array = root.putArray("labels");
        for (LabelStats stats : labels) {
            ObjectNode node = array.addObject();
            node.put("label", stats.label());
            node.put("definition", stats.definition());
            node.put("count", stats.cases());
        }
        return ChatRequest.builder()
                .system(INSTRUCTIONS)
                .user(MessageJson.write(root))
                .responseFormat(new ResponseFormat(FORMAT_NAME, new JsonSchema(SCHEMA), true))
                .temperature(0.0)
                .maxTokens(MAX_TOKENS)
                .build();
    }
}
