package dev.rpt.tools.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.core.calibration.Interval;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/** Reads the files {@code TuneRecorder} writes into a {@link TuneRecord}. */
final class TuneRecordReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TuneRecordReader() {}

    static TuneRecord read(Path directory) throws IOException {
        Path summaryFile = directory.resolve("summary.json");
        if (!Files.isRegularFile(summaryFile)) {
            throw new IOException(directory + " is not a tune record: it has no summary.json. Pass the directory of"
                    + " one finished tune, e.g. target/rpt/tune/<id>, or run `mvn rpt:tune` first.");
        }
        JsonNode summary = json(summaryFile);
        List<TuneRecord.Iteration> iterations = new ArrayList<>();
        for (JsonNode node : summary.path("iterations")) {
            int iteration = node.path("iteration").asInt();
            Path here = TuneRecord.iterationDirectory(directory, iteration);
            iterations.add(new TuneRecord.Iteration(
                    iteration,
                    scores(node.path("tune")),
                    scores(node.path("holdout")),
                    modes(here.resolve("diagnostic.json")),
                    text(here.resolve("diff.patch")),
                    // The PATCH that produced iteration N answered iteration N-1's report, so it is stored there.
                    patch(TuneRecord.iterationDirectory(directory, iteration - 1)
                            .resolve("decision.json"))));
        }
        return new TuneRecord(
                directory,
                summary.path("stopReason").asText(""),
                summary.path("bestIteration").asInt(),
                summary.path("written").asBoolean(),
                iterations);
    }

    static Optional<Path> latest(Path reportDirectory) throws IOException {
        Path tunes = reportDirectory.resolve("tune");
        if (!Files.isDirectory(tunes)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(tunes)) {
            return entries.filter(dir -> Files.isRegularFile(dir.resolve("summary.json")))
                    .max(Comparator.comparing(TuneRecordReader::summaryTime).thenComparing(Path::getFileName));
        }
    }

    private static FileTime summaryTime(Path directory) {
        try {
            return Files.getLastModifiedTime(directory.resolve("summary.json"));
        } catch (IOException e) {
            return FileTime.fromMillis(0); // vanished while listing: it cannot be the latest
        }
    }

    private static JsonNode json(Path file) throws IOException {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new IOException(file + " does not hold a JSON object; it is not a file the tuner wrote."
                        + " Re-run `mvn rpt:tune` or remove the directory.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IOException(
                    file + " is not valid JSON (line " + e.getLocation().getLineNr() + "): " + e.getOriginalMessage()
                            + ". Re-run `mvn rpt:tune` or remove the directory.",
                    e);
        }
    }

    private static TuneRecord.SplitScores scores(JsonNode node) {
        JsonNode ci = node.path("accuracyCi");
        Optional<Interval> interval = ci.isArray() && ci.size() == 2
                ? Optional.of(new Interval(ci.get(0).asDouble(), ci.get(1).asDouble()))
                : Optional.empty();
        return new TuneRecord.SplitScores(
                node.path("n").asInt(),
                number(node.path("accuracy")),
                interval,
                number(node.path("ece")),
                number(node.path("brier")));
    }

    private static List<TuneRecord.Mode> modes(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<TuneRecord.Mode> modes = new ArrayList<>();
        for (JsonNode node : json(file).path("failureModes")) {
            modes.add(new TuneRecord.Mode(
                    node.path("label").asText(),
                    node.path("definition").asText(),
                    node.path("count").asInt(),
                    number(node.path("prevalence")),
                    strings(node.path("examples"))));
        }
        return modes;
    }

    private static Optional<TuneRecord.Patch> patch(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode decision = json(file);
        return Optional.of(new TuneRecord.Patch(
                strings(decision.path("targets")), decision.path("rationale").asText("")));
    }

    private static Optional<String> text(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static OptionalDouble number(JsonNode node) {
        return node.isNumber() ? OptionalDouble.of(node.asDouble()) : OptionalDouble.empty();
    }
}
