package dev.rpt.core.model.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.chat.ChatRequest;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * What the two OpenAI request writers share: the model, the {@code rpt.openai.*} options, the strict-schema handling
 * of tools and outputs, and the serialization of the body they build. Each wire says how a request becomes its body.
 */
abstract class RequestWriter {

    final String model;
    final OpenAiOptions options;
    final OutgoingSchemas schemas;

    /** @param warnings where a schema sent without {@code strict} is said, once per schema */
    RequestWriter(String model, OpenAiOptions options, Consumer<String> warnings) {
        this.model = model;
        this.options = options;
        this.schemas = new OutgoingSchemas(model, warnings);
    }

    /** The request's body on this wire. */
    abstract ObjectNode tree(ChatRequest request);

    /** The body as the bytes sent. */
    final byte[] write(ChatRequest request) {
        try {
            return OpenAiJson.MAPPER.writeValueAsBytes(tree(request));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not serialize a " + getClass().getSimpleName() + " body", e);
        }
    }
}
