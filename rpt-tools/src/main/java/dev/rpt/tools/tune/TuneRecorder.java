package dev.rpt.tools.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.ToolCall;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.prompt.PromptFile;
import dev.rpt.tools.html.TuneRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalDouble;

/**
 * The record of one tune under {@code target/rpt/tune/<id>/}: per iteration the candidate prompt, its run report,
 * its diagnostic report and the diff against the previous candidate; the optimizer transcript as JSONL; and
 * {@code summary.json} with the trajectory. No API key is ever part of what it writes: requests carry none.
 */
final class TuneRecorder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;

    private TuneRecorder(Path directory) {
        this.directory = directory;
    }

    static TuneRecorder create(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new TuneRecorder(directory);
    }

    Path directory() {
        return directory;
    }

    Path iterationDirectory(int iteration) throws IOException {
        return Files.createDirectories(TuneRecord.iterationDirectory(directory, iteration));
    }

    void evaluation(Evaluation evaluation, PromptFile previous) throws IOException {
        Path dir = iterationDirectory(evaluation.iteration());
        Files.writeString(dir.resolve("prompt.prompt"), evaluation.candidate().text(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("diagnostic.json"), evaluation.report(), StandardCharsets.UTF_8);
        Files.writeString(
                dir.resolve("diff.patch"),
                PromptDiff.unified(
                        "prompt.prompt", previous.text(), evaluation.candidate().text()),
                StandardCharsets.UTF_8);
    }

    void patch(int afterIteration, JsonNode decision) throws IOException {
        Files.writeString(
                iterationDirectory(afterIteration).resolve("decision.json"),
                decision.toPrettyString(),
                StandardCharsets.UTF_8);
    }

    void transcript(int iteration, ChatResponse response) {
        ObjectNode line = JSON.createObjectNode();
        line.put("iteration", iteration);
        line.put("text", response.text());
        ArrayNode calls = line.putArray("toolCalls");
        for (ToolCall call : response.toolCalls()) {
            calls.addObject().put("id", call.id()).put("name", call.name()).put("arguments", call.arguments());
        }
        line.put("finishReason", response.finishReason().name());
        line.putObject("usage")
                .put("prompt", response.usage().promptTokens())
                .put("completion", response.usage().completionTokens());
        line.put("model", response.model());
        try {
            Files.writeString(
                    directory.resolve("transcript.jsonl"),
                    line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot append to the tune transcript in " + directory, e);
        }
    }

    void summary(TuneResult result, double brierWeight, UsageSnapshot usage) throws IOException {
        ObjectNode summary = JSON.createObjectNode();
        summary.put("stopReason", result.stopReason());
        summary.put("seedIteration", result.seed().iteration());
        summary.put("bestIteration", result.best().iteration());
        summary.put("written", result.written());
        summary.put("brierWeight", brierWeight);
        ArrayNode trajectory = summary.putArray("iterations");
        for (Evaluation evaluation : result.iterations()) {
            ObjectNode node = trajectory.addObject();
            node.put("iteration", evaluation.iteration());
            metrics(node.putObject("tune"), evaluation.tune());
            metrics(node.putObject("holdout"), evaluation.holdout());
            node.put("holdoutScore", evaluation.holdoutScore(brierWeight));
            ArrayNode modes = node.putArray("failureModes");
            evaluation.failureModes().forEach(modes::add);
        }
        ObjectNode usageNode = summary.putObject("usage");
        usageNode.put("calls", usage.calls());
        usageNode.put("cachedCalls", usage.cachedCalls());
        usageNode.put("tokens", usage.usage().totalTokens());
        if (usage.costUsd().isPresent()) {
            usageNode.put("costUsd", usage.costUsd().getAsDouble());
        } else {
            usageNode.putNull("costUsd");
        }
        Files.writeString(directory.resolve("summary.json"), summary.toPrettyString(), StandardCharsets.UTF_8);
        if (!result.diff().isEmpty()) {
            Files.writeString(directory.resolve("best.diff"), result.diff(), StandardCharsets.UTF_8);
        }
    }

    private static void metrics(ObjectNode node, Metrics metrics) {
        node.put("n", metrics.n());
        put(node, "accuracy", metrics.accuracy());
        metrics.accuracyCi()
                .ifPresent(ci -> node.putArray("accuracyCi").add(ci.lower()).add(ci.upper()));
        put(node, "ece", metrics.ece());
        put(node, "brier", metrics.brier());
    }

    private static void put(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, value.getAsDouble());
        } else {
            node.putNull(name);
        }
    }
}
