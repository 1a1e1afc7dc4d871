package dev.rpt.tools.diagnose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.core.files.JsonFiles;

/**
 * JSON in the messages the diagnosis exchanges with models: what the critic and the grouping call are sent, and
 * their replies. It uses the shared configuration of {@link JsonFiles}, written compact: a message is read by a model,
 * and whitespace costs tokens.
 */
final class MessageJson {

    static final ObjectMapper MAPPER = JsonFiles.mapper();

    private MessageJson() {}

    /** The node as compact JSON text. */
    static String write(JsonNode node) {
        return JsonFiles.compactText(node);
    }

    /** The reply text as JSON, or an {@link IllegalArgumentException} saying why it is not. */
    static JsonNode parse(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        try {
            // A model may add a sentence after its JSON; the JSON is what counts, so trailing text is not an error
            // here.
            return MAPPER.reader()
                    .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
