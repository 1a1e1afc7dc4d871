package dev.rpt.core.model.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.Usage;
import dev.rpt.core.model.EmbeddingModel;
import dev.rpt.core.model.Embeddings;
import dev.rpt.core.model.MalformedResponseException;
import dev.rpt.core.model.ModelInfo;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * An {@link EmbeddingModel} over {@code POST {base}/embeddings} with body {@code {"model", "input": [...]}}. The
 * vectors come back in {@code data[]}, each with the {@code index} of its input; they are returned in input order.
 */
final class OpenAiEmbeddingModel implements EmbeddingModel {

    static final String PATH = "embeddings";

    private final ModelInfo info;
    private final OpenAiTransport transport;

    OpenAiEmbeddingModel(String model, OpenAiTransport transport) {
        this.info = new ModelInfo(OpenAiProvider.ID, model, false);
        this.transport = transport;
    }

    @Override
    public Embeddings embed(List<String> texts) {
        if (texts.isEmpty()) {
            return Embeddings.NONE;
        }
        return read(transport.post(PATH, write(texts)), texts.size());
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public String toString() {
        return "OpenAiEmbeddingModel[" + info.label() + ", " + transport + "]";
    }

    private byte[] write(List<String> texts) {
        ObjectNode body = OpenAiJson.object();
        body.put("model", info.model());
        ArrayNode input = body.putArray("input");
        texts.forEach(input::add);
        try {
            return OpenAiJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not serialize an embeddings request", e);
        }
    }

    private static Embeddings read(String body, int expected) {
        ObjectNode root = OpenAiJson.parseResponse(body, "The embeddings response");
        JsonNode data = root.get("data");
        if (data == null || !data.isArray() || data.size() != expected) {
            throw new MalformedResponseException(
                    "The embeddings response does not hold one vector for each of the " + expected + " inputs",
                    body,
                    null);
        }
        double[][] vectors = new double[expected][];
        for (JsonNode item : data) {
            JsonNode index = item.get("index");
            JsonNode embedding = item.get("embedding");
            if (index == null
                    || !index.canConvertToInt()
                    || index.asInt() < 0
                    || index.asInt() >= expected
                    || vectors[index.asInt()] != null) {
                throw new MalformedResponseException(
                        "An embedding has a missing, repeated or out-of-range index", body, null);
            }
            vectors[index.asInt()] = vector(embedding, body);
        }
        return new Embeddings(Arrays.asList(vectors), usage(root.get("usage")));
    }

    /** {@code usage.prompt_tokens}; servers that report no usage (some local ones) count as zero. */
    private static Usage usage(JsonNode usage) {
        JsonNode prompt = usage == null ? null : usage.get("prompt_tokens");
        return prompt != null && prompt.canConvertToLong() && prompt.asLong() >= 0
                ? Usage.of(prompt.asLong(), 0)
                : Usage.ZERO;
    }

    private static double[] vector(JsonNode embedding, String body) {
        if (embedding == null || !embedding.isArray() || embedding.isEmpty()) {
            // A base64 string means encoding_format was not float, which rpt never asks for.
            throw new MalformedResponseException("An embedding is not a list of numbers", body, null);
        }
        double[] vector = new double[embedding.size()];
        for (int i = 0; i < vector.length; i++) {
            if (!embedding.get(i).isNumber()) {
                throw new MalformedResponseException("An embedding is not a list of numbers", body, null);
            }
            vector[i] = embedding.get(i).asDouble();
        }
        return vector;
    }
}
