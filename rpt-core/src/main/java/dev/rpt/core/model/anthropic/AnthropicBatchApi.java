package dev.rpt.core.model.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.BatchApi;
import dev.rpt.core.model.BatchUnsupportedException;
import dev.rpt.core.model.Excerpt;
import dev.rpt.core.model.MalformedResponseException;
import dev.rpt.core.model.ServerErrorException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Anthropic's Message Batches: the requests go in one body ({@code POST /v1/messages/batches}, each with its {@code
 * custom_id} and the {@code params} the Messages API takes), the batch is polled ({@code GET
 * /v1/messages/batches/{id}}) until its {@code processing_status} is {@code ended}, and its results are read as JSONL
 * from its {@code results_url}. Each request's params are the direct call's body, and each reply is read like a
 * direct one.
 */
final class AnthropicBatchApi implements BatchApi {

    private final AnthropicHttp http;
    private final String batchesUrl;
    private final String model;
    private final AnthropicOptions options;

    /** @param messagesUrl the Messages endpoint; batches live under it */
    AnthropicBatchApi(AnthropicHttp http, String messagesUrl, String model, AnthropicOptions options) {
        this.http = http;
        this.batchesUrl = messagesUrl + "/batches";
        this.model = model;
        this.options = options;
    }

    @Override
    public int maxRequests() {
        return 100_000;
    }

    @Override
    public long maxBytes() {
        // The documented limit is 256 MB per batch; stay below it rather than guess how a MB is counted.
        return 250_000_000L;
    }

    @Override
    public long sizeOf(Item item) {
        return entry(item).getBytes(StandardCharsets.UTF_8).length + 1;
    }

    @Override
    public String submit(List<Item> items, String submission) {
        // Message Batches keep no metadata, so the tag goes nowhere and an unrecorded batch cannot be found again.
        StringBuilder body = new StringBuilder("{\"requests\":[");
        for (int i = 0; i < items.size(); i++) {
            body.append(i == 0 ? "" : ",").append(entry(items.get(i)));
        }
        body.append("]}");
        try {
            return field(read(http.post(batchesUrl, body.toString())), "id", "the created batch");
        } catch (BadRequestException | ServerErrorException e) {
            OptionalInt status = BatchUnsupportedException.status(e);
            if (status.isPresent()) {
                throw new BatchUnsupportedException(
                        batchesUrl + " answered " + status.getAsInt() + ": this server has no Message Batches API", e);
            }
            throw e;
        }
    }

    @Override
    public Status status(String batchId) {
        JsonNode batch = read(http.get(batchesUrl + "/" + batchId));
        String state = field(batch, "processing_status", "batch " + batchId);
        JsonNode counts = batch.path("request_counts");
        int succeeded = counts.path("succeeded").asInt();
        int failed = counts.path("errored").asInt()
                + counts.path("canceled").asInt()
                + counts.path("expired").asInt();
        int total = succeeded + failed + counts.path("processing").asInt();
        boolean ended = state.equals("ended");
        return new Status(
                batchId,
                state,
                ended,
                total,
                succeeded,
                failed,
                Optional.empty(),
                ended && batch.path("results_url").isTextual()
                        ? List.of(batch.path("results_url").asText())
                        : List.of());
    }

    @Override
    public Map<String, Outcome> results(Status ended, Map<String, ChatRequest> requests) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String url : ended.resultsLocation()) {
            for (String text : http.get(url).split("\n")) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = read(text);
                String customId = field(line, "custom_id", "a result of batch " + ended.id());
                outcomes.put(customId, outcome(line.path("result"), requests.get(customId)));
            }
        }
        return outcomes;
    }

    private Outcome outcome(JsonNode result, ChatRequest request) {
        String type = result.path("type").asText("");
        return switch (type) {
            case "succeeded" -> {
                // The forced tool that stands in for a response format is read as the answer, as in a direct call.
                FormatTool formatTool = request == null
                        ? null
                        : RequestEncoder.encode(model, request, options).formatTool();
                yield new Outcome.Answered(ResponseDecoder.decode(
                        AnthropicJson.MAPPER.valueToTree(result.path("message")).toString(), formatTool, model));
            }
            case "errored" -> {
                JsonNode error = result.path("error").path("error");
                yield new Outcome.Unanswered(error.path("type").asText("error") + ": "
                        + Excerpt.of(error.path("message").asText("no reason given")));
            }
            case "expired" -> new Outcome.Unanswered("expired: the batch did not process it within its 24 hours");
            case "canceled" -> new Outcome.Unanswered("canceled: the batch was canceled before it was processed");
            default -> new Outcome.Unanswered("the result type '" + type + "' is not one rpt knows");
        };
    }

    private String entry(Item item) {
        // The params are the direct call's body, spliced in as text: the same JSON, not a re-serialisation of it.
        String params = RequestEncoder.encode(model, item.request(), options).json();
        return "{\"custom_id\":" + quoted(item.customId()) + ",\"params\":" + params + "}";
    }

    private static String quoted(String text) {
        try {
            return AnthropicJson.MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return AnthropicJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedResponseException(
                    "Anthropic's batch API replied with something that is not JSON", json, e);
        }
    }

    private static String field(JsonNode node, String name, String what) {
        JsonNode value = node.path(name);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new MalformedResponseException(
                    "Anthropic's reply about " + what + " has no '" + name + "'", node.toString(), null);
        }
        return value.asText();
    }
}
