package dev.rpt.core.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.rpt.api.Usage;
import java.io.IOException;

/**
 * Reads {@link Usage} with its later counts as 0 when absent. Usage grew fields (cached, reasoning, cache-write
 * tokens) and is kept in cache entries written by earlier versions; without this, the shared mapper's refusal of a
 * missing number would make every older entry unreadable and call the model again. A count that is present must be
 * a whole number.
 */
final class UsageDeserializer extends StdDeserializer<Usage> {

    UsageDeserializer() {
        super(Usage.class);
    }

    @Override
    public Usage deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        try {
            return new Usage(
                    count(parser, node, "promptTokens"),
                    count(parser, node, "completionTokens"),
                    count(parser, node, "totalTokens"),
                    count(parser, node, "cachedPromptTokens"),
                    count(parser, node, "reasoningTokens"),
                    count(parser, node, "cacheWriteTokens"),
                    count(parser, node, "longCacheWriteTokens"));
        } catch (IllegalArgumentException e) {
            throw JsonMappingException.from(parser, e.getMessage(), e);
        }
    }

    private static long count(JsonParser parser, JsonNode node, String field) throws JsonMappingException {
        JsonNode value = node.get(field);
        if (value == null) {
            return 0;
        }
        if (!value.canConvertToExactIntegral() || !value.isNumber()) {
            throw JsonMappingException.from(parser, field + ": must be a whole number of tokens, got " + value);
        }
        return value.asLong();
    }
}
