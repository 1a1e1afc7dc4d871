package dev.rpt.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.Split;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.thresholds.MetricBounds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * A run report read back: what the tuner and the gate need of it.
 *
 * @param runId the run's id
 * @param model the target model
 * @param classes what the report states about each class
 * @param cases every case
 * @param usage the run's model usage: calls, tokens and cost
 */
@API(status = INTERNAL, since = "0.1")
public record RunReport(
        String runId, ModelInfo model, List<ClassInfo> classes, List<CaseRecord> cases, UsageSnapshot usage) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunReport {
        classes = List.copyOf(classes);
        cases = List.copyOf(cases);
        java.util.Objects.requireNonNull(usage, "usage");
    }

    /**
     * Reads a report written by {@link RunReportWriter}.
     *
     * @throws IOException when the file cannot be read, is not JSON, or has a {@code schemaVersion} other than this
     *     version's or the one before
     */
    public static RunReport read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        int version = root == null ? -1 : root.path("schemaVersion").asInt(-1);
        // Version 1 lacks only cases[].mustPass, which reads as false: a report from the previous version still reads.
        if (version != RunReportWriter.SCHEMA_VERSION && version != RunReportWriter.SCHEMA_VERSION - 1) {
            throw new IOException(file + " is not an rpt run report of schemaVersion " + RunReportWriter.SCHEMA_VERSION
                    + " (or " + (RunReportWriter.SCHEMA_VERSION - 1) + "). Re-run the prompt tests with this version"
                    + " of rpt.");
        }
        JsonNode model = root.path("model");
        List<ClassInfo> classes = new ArrayList<>();
        for (JsonNode node : root.path("classes")) {
            JsonNode bounds = node.path("thresholds");
            classes.add(new ClassInfo(
                    node.path("className").asText(),
                    node.path("prompt").path("path").asText(),
                    node.path("prompt").path("sha256").asText(),
                    new MetricBounds(
                            unit(bounds.path("minAccuracy")),
                            unit(bounds.path("maxEce")),
                            unit(bounds.path("maxBrier")),
                            unit(bounds.path("maxErrorRate")))));
        }
        List<CaseRecord> cases = new ArrayList<>();
        for (JsonNode node : root.path("cases")) {
            try {
                cases.add(readCase(node));
            } catch (IllegalArgumentException e) {
                throw new IOException(
                        file + " holds an inconsistent case at cases[" + cases.size() + "]: " + e.getMessage()
                                + ". Run the prompt tests again to write a new report.",
                        e);
            }
        }
        return new RunReport(
                root.path("runId").asText(),
                new ModelInfo(
                        model.path("provider").asText(),
                        model.path("model").asText(),
                        model.path("simulated").asBoolean()),
                classes,
                cases,
                usage(root.path("usage")));
    }

    private static UsageSnapshot usage(JsonNode node) {
        List<String> unpriced = new ArrayList<>();
        node.path("unpricedModels").forEach(model -> unpriced.add(model.asText()));
        OptionalDouble cost = node.path("costUsd").isNumber() && unpriced.isEmpty()
                ? OptionalDouble.of(node.path("costUsd").asDouble())
                : OptionalDouble.empty();
        if (cost.isEmpty() && unpriced.isEmpty()) {
            unpriced.add("(unknown)");
        }
        return new UsageSnapshot(
                node.path("calls").asLong(),
                node.path("cachedCalls").asLong(),
                node.path("errors").asLong(),
                tokens(node.path("tokens")),
                tokens(node.path("cachedTokens")),
                cost,
                unpriced);
    }

    private static Usage tokens(JsonNode node) {
        return new Usage(
                node.path("prompt").asLong(),
                node.path("completion").asLong(),
                node.path("total").asLong());
    }

    /** The cases of one split. */
    public List<CaseRecord> cases(Split split) {
        return cases.stream().filter(c -> c.split() == split).toList();
    }

    private static CaseRecord readCase(JsonNode node) {
        Map<String, String> vars = new LinkedHashMap<>();
        node.path("vars")
                .fields()
                .forEachRemaining(
                        entry -> vars.put(entry.getKey(), entry.getValue().asText()));
        return new CaseRecord(
                node.path("className").asText(),
                node.path("method").asText(),
                node.path("id").asText(),
                Split.valueOf(node.path("split").asText().toUpperCase(Locale.ROOT)),
                vars,
                Verdict.valueOf(node.path("outcome").asText().toUpperCase(Locale.ROOT)),
                text(node.path("answer")),
                unit(node.path("confidence")),
                node.path("formatError").asBoolean(),
                failure(node.path("failure")),
                failure(node.path("error")),
                tokens(node.path("usage")),
                node.path("cached").asBoolean(),
                node.path("latencyMs").asLong(),
                text(node.path("justification")),
                node.path("sample").asInt(0),
                node.path("mustPass").asBoolean(false));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static OptionalDouble unit(JsonNode node) {
        return node.isNumber() ? OptionalDouble.of(node.asDouble()) : OptionalDouble.empty();
    }

    private static Optional<CaseRecord.Failure> failure(JsonNode node) {
        return node.isObject()
                ? Optional.of(new CaseRecord.Failure(
                        node.path("kind").asText(),
                        node.path("message").asText(),
                        text(node.path("expected")),
                        text(node.path("problem"))))
                : Optional.empty();
    }
}
