package dev.rpt.core.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.BatchApi;
import dev.rpt.core.model.BatchUnsupportedException;
import dev.rpt.core.model.Excerpt;
import dev.rpt.core.model.MalformedResponseException;
import dev.rpt.core.model.ServerErrorException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * OpenAI's Batch API: the requests go up as a JSONL file ({@code POST /files}, purpose {@code batch}), a batch is
 * created over it ({@code POST /batches}, endpoint {@code /v1/chat/completions}, or {@code /v1/responses} for the
 * Responses wire, window {@code 24h}), polled ({@code
 * GET /batches/{id}}), and its output and error files are read ({@code GET /files/{id}/content}). Each line's body is
 * the same JSON the direct call sends, and each reply is read like a direct one. Azure OpenAI's v1 API ({@code
 * https://<resource>.openai.azure.com/openai/v1}) is the same but for the endpoint's path, without the version;
 * its model is the name of a Global Batch deployment. The batch carries rpt's submission tag
 * in its metadata, so a run that stopped before recording the batch's id finds it in the batch list.
 */
final class OpenAiBatchApi implements BatchApi {

    /** The metadata key that holds rpt's submission tag, by which {@link #find} recognises a batch. */
    static final String SUBMISSION = "rpt_submission";

    /** Pages of 100 batches {@link #find} reads at most, newest first, before it gives up. */
    private static final int MAX_PAGES = 20;

    private static final Set<String> ENDED = Set.of("completed", "failed", "expired", "cancelled");

    private final OpenAiTransport transport;
    private final WireApi wire;
    private final String endpoint;
    private final Optional<String> unsupported;

    /**
     * @param wire the chat wire whose requests the batch carries
     * @param azure whether the server is Azure OpenAI, whose batch lines name the path without the version
     * @param unsupported why this base URL has no Batch API although the server may have one (an Azure deployment's
     *     URL, whose batches live under the resource's v1 URL), if so
     */
    OpenAiBatchApi(WireApi wire, OpenAiTransport transport, boolean azure, Optional<String> unsupported) {
        this.transport = transport;
        this.wire = wire;
        this.endpoint = wire.batchEndpoint(azure);
        this.unsupported = unsupported;
    }

    @Override
    public int maxRequests() {
        return 50_000;
    }

    @Override
    public long maxBytes() {
        // The documented limit is 200 MB per input file; stay below it rather than guess how a MB is counted.
        return 190_000_000L;
    }

    @Override
    public long sizeOf(Item item) {
        return line(item).length + 1;
    }

    @Override
    public String submit(List<Item> items, String submission) {
        if (unsupported.isPresent()) {
            throw new BatchUnsupportedException(unsupported.get(), null);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        for (Item item : items) {
            file.writeBytes(line(item));
            file.write('\n');
        }
        String uploaded;
        try {
            uploaded = transport.upload("files", "batch", "rpt-batch.jsonl", file.toByteArray());
        } catch (BadRequestException | ServerErrorException e) {
            OptionalInt status = BatchUnsupportedException.status(e);
            if (status.isPresent()) {
                throw new BatchUnsupportedException(
                        transport.urlOf("files") + " answered " + status.getAsInt()
                                + ": this server has no Files and Batch API",
                        e);
            }
            throw e;
        }
        String fileId = field(read(uploaded), "id", "the uploaded file");
        ObjectNode create = JsonFiles.mapper().createObjectNode();
        create.put("input_file_id", fileId);
        create.put("endpoint", endpoint);
        create.put("completion_window", "24h");
        create.putObject("metadata").put(SUBMISSION, submission);
        String created;
        try {
            created = transport.post("batches", JsonFiles.compactText(create).getBytes(StandardCharsets.UTF_8));
        } catch (BadRequestException | ServerErrorException e) {
            OptionalInt status = BatchUnsupportedException.status(e);
            if (status.isPresent()) {
                throw new BatchUnsupportedException(
                        transport.urlOf("batches") + " answered " + status.getAsInt()
                                + ": this server has no Batch API",
                        e);
            }
            throw e;
        }
        return field(read(created), "id", "the created batch");
    }

    @Override
    public boolean findsSubmissions() {
        return true;
    }

    /**
     * Pages through the organisation's batches, newest first ({@code GET /batches?limit=100&after=...}), until one
     * carries the submission's tag in its metadata, or the batches are older than {@code since}.
     */
    @Override
    public Optional<String> find(String submission, Instant since) {
        String after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("limit", "100");
            if (after != null) {
                query.put("after", after);
            }
            JsonNode list = read(transport.get("batches", query));
            for (JsonNode batch : list.path("data")) {
                if (submission.equals(batch.path("metadata").path(SUBMISSION).asText(null))) {
                    return Optional.of(field(batch, "id", "a listed batch"));
                }
                if (batch.path("created_at").isNumber()
                        && batch.path("created_at").asLong() < since.getEpochSecond()) {
                    return Optional.empty();
                }
            }
            if (!list.path("has_more").asBoolean() || !list.path("last_id").isTextual()) {
                return Optional.empty();
            }
            after = list.path("last_id").asText();
        }
        return Optional.empty();
    }

    @Override
    public Status status(String batchId) {
        JsonNode batch = read(transport.get("batches/" + batchId));
        String state = field(batch, "status", "batch " + batchId);
        JsonNode counts = batch.path("request_counts");
        List<String> files = new ArrayList<>();
        for (String name : List.of("output_file_id", "error_file_id")) {
            if (batch.path(name).isTextual()) {
                files.add(batch.path(name).asText());
            }
        }
        return new Status(
                batchId,
                state,
                ENDED.contains(state),
                counts.path("total").asInt(),
                counts.path("completed").asInt(),
                counts.path("failed").asInt(),
                failure(batch, state),
                files);
    }

    @Override
    public Map<String, Outcome> results(Status ended, Map<String, ChatRequest> requests) {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (String fileId : ended.resultsLocation()) {
            String content = transport.get("files/" + fileId + "/content");
            for (String text : content.split("\n")) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = read(text);
                String customId = field(line, "custom_id", "a line of file " + fileId);
                outcomes.put(customId, outcome(line));
            }
        }
        return outcomes;
    }

    private Outcome outcome(JsonNode line) {
        JsonNode response = line.path("response");
        if (response.isObject() && response.path("status_code").asInt() == 200) {
            return new Outcome.Answered(wire.read(JsonFiles.compactText(response.path("body"))));
        }
        JsonNode error = line.path("error").isObject()
                ? line.path("error")
                : response.path("body").path("error");
        String message = error.path("message").asText("no reason given");
        String code = error.path("code").isTextual() ? " [" + error.path("code").asText() + "]" : "";
        String status =
                response.isObject() ? "HTTP " + response.path("status_code").asInt() + ": " : "";
        return new Outcome.Unanswered(status + Excerpt.of(message) + code);
    }

    private static Optional<String> failure(JsonNode batch, String state) {
        return switch (state) {
            case "failed" -> {
                List<String> reasons = new ArrayList<>();
                batch.path("errors")
                        .path("data")
                        .forEach(e -> reasons.add(e.path("message").asText()
                                + (e.path("line").isInt()
                                        ? " (line " + e.path("line").asInt() + ")"
                                        : "")));
                yield Optional.of(
                        "the batch failed: " + (reasons.isEmpty() ? "no reason given" : String.join("; ", reasons)));
            }
            case "expired" -> Optional.of("the batch expired: the provider did not finish it within its 24h window");
            case "cancelled" -> Optional.of("the batch was cancelled");
            default -> Optional.empty();
        };
    }

    private byte[] line(Item item) {
        // The body as the direct call sends it, spliced in as bytes: the same JSON, not a re-serialisation of it.
        byte[] head = ("{\"custom_id\":" + JsonFiles.compactText(item.customId()) + ",\"method\":\"POST\",\"url\":\""
                        + endpoint + "\",\"body\":")
                .getBytes(StandardCharsets.UTF_8);
        byte[] body = wire.write(item.request());
        byte[] line = new byte[head.length + body.length + 1];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(body, 0, line, head.length, body.length);
        line[line.length - 1] = '}';
        return line;
    }

    private static JsonNode read(String json) {
        try {
            return JsonFiles.mapper().readTree(json);
        } catch (IOException e) {
            throw new MalformedResponseException("The Batch API replied with something that is not JSON", json, e);
        }
    }

    private static String field(JsonNode node, String name, String what) {
        JsonNode value = node.path(name);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new MalformedResponseException(
                    "The Batch API's reply about " + what + " has no '" + name + "'", node.toString(), null);
        }
        return value.asText();
    }
}
