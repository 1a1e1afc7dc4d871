package dev.rpt.tools.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The baseline's JSON shape: written by hand from the tree so that field order is stable and diffs stay small. */
final class BaselineJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BaselineJson() {}

    static void write(Baseline baseline, Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", Baseline.SCHEMA_VERSION);
        root.put("runId", baseline.runId());
        ObjectNode model = root.putObject("model");
        model.put("provider", baseline.model().provider());
        model.put("model", baseline.model().model());
        model.put("simulated", baseline.model().simulated());
        ArrayNode classes = root.putArray("classes");
        for (BaselineClass entry : baseline.classes()) {
            ObjectNode node = classes.addObject();
            node.put("className", entry.className());
            ObjectNode prompt = node.putObject("prompt");
            prompt.put("path", entry.promptPath());
            prompt.put("sha256", entry.promptSha256());
            ObjectNode metrics = node.putObject("metrics");
            metrics.put("n", entry.metrics().n());
            metrics.put("errored", entry.metrics().errored());
            number(metrics, "accuracy", entry.metrics().accuracy());
            number(metrics, "ece", entry.metrics().ece());
            number(metrics, "brier", entry.metrics().brier());
            number(metrics, "errorRate", entry.metrics().errorRate());
            ArrayNode cases = node.putArray("cases");
            for (BaselineCase c : entry.cases()) {
                ObjectNode caseNode = cases.addObject();
                caseNode.put("method", c.method());
                caseNode.put("id", c.id());
                caseNode.put("outcome", c.verdict().name().toLowerCase(Locale.ROOT));
                number(caseNode, "confidence", c.confidence());
                caseNode.put("samples", c.samples());
                caseNode.put("passes", c.passes());
                if (!c.sampleOutcomes().isEmpty()) {
                    ArrayNode samples = caseNode.putArray("sampleOutcomes");
                    for (CaseOutcome sample : c.sampleOutcomes()) {
                        ObjectNode sampleNode = samples.addObject();
                        sampleNode.put("outcome", sample.verdict().name().toLowerCase(Locale.ROOT));
                        number(sampleNode, "confidence", sample.confidence());
                    }
                }
            }
        }
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new BaselineException(
                    "Cannot write the baseline " + file + ": " + e + ". Check that its directory is writable.", e);
        }
    }

    static Baseline read(Path file) {
        if (!Files.exists(file)) {
            throw missing(file, null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw missing(file, e);
        } catch (JsonProcessingException e) {
            throw new BaselineException(
                    "The baseline " + file + " is not valid JSON (line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + "): "
                            + e.getOriginalMessage() + ". Restore it from version control or write it again with `mvn"
                            + " rpt:baseline`.",
                    e);
        } catch (IOException e) {
            throw new BaselineException("Cannot read the baseline " + file + ": " + e, e);
        }
        Reader reader = new Reader(file);
        if (root == null || !root.isObject()) {
            throw reader.error(
                    "the top level",
                    "must be a JSON object, and the file is "
                            + (root == null || root.isMissingNode() ? "empty" : "not one"));
        }
        int version = root.path("schemaVersion").asInt(-1);
        if (version != Baseline.SCHEMA_VERSION) {
            throw reader.error(
                    "schemaVersion",
                    "must be " + Baseline.SCHEMA_VERSION + ", got "
                            + root.path("schemaVersion") + "; write the baseline again with this version of rpt (`mvn"
                            + " rpt:baseline`)");
        }
        JsonNode model = reader.object(root, "model");
        List<BaselineClass> classes = new ArrayList<>();
        JsonNode classNodes = reader.array(root, "classes");
        for (int i = 0; i < classNodes.size(); i++) {
            String where = "classes[" + i + "]";
            JsonNode node = classNodes.get(i);
            JsonNode prompt = reader.object(node, where + ".prompt");
            JsonNode metrics = reader.object(node, where + ".metrics");
            List<BaselineCase> cases = new ArrayList<>();
            JsonNode caseNodes = reader.array(node, where + ".cases");
            for (int j = 0; j < caseNodes.size(); j++) {
                cases.add(readCase(reader, caseNodes.get(j), where + ".cases[" + j + "]"));
            }
            classes.add(new BaselineClass(
                    reader.text(node, where + ".className"),
                    reader.text(prompt, where + ".prompt.path"),
                    reader.text(prompt, where + ".prompt.sha256"),
                    new BaselineMetrics(
                            reader.integer(metrics, where + ".metrics.n"),
                            reader.integer(metrics, where + ".metrics.errored"),
                            reader.nullableUnit(metrics, where + ".metrics.accuracy"),
                            reader.nullableUnit(metrics, where + ".metrics.ece"),
                            reader.nullableUnit(metrics, where + ".metrics.brier"),
                            reader.nullableUnit(metrics, where + ".metrics.errorRate")),
                    cases));
        }
        return new Baseline(
                reader.text(root, "runId"),
                new ModelInfo(
                        reader.text(model, "model.provider"),
                        reader.text(model, "model.model"),
                        model.path("simulated").asBoolean(false)),
                classes);
    }

    private static BaselineCase readCase(Reader reader, JsonNode node, String where) {
        Verdict verdict = verdict(reader, node, where + ".outcome");
        OptionalDouble confidence = reader.nullableUnit(node, where + ".confidence");
        int samples = reader.integer(node, where + ".samples");
        int passes = reader.integer(node, where + ".passes");
        if (samples < 1 || passes > samples) {
            throw reader.error(
                    where,
                    "needs samples >= 1 and passes <= samples, got samples " + samples + " and passes " + passes);
        }
        List<CaseOutcome> outcomes = new ArrayList<>();
        if (samples > 1) {
            JsonNode sampleNodes = reader.array(node, where + ".sampleOutcomes");
            if (sampleNodes.size() != samples) {
                throw reader.error(
                        where + ".sampleOutcomes",
                        "must list all " + samples + " samples of the case, got " + sampleNodes.size());
            }
            for (int k = 0; k < samples; k++) {
                String sampleWhere = where + ".sampleOutcomes[" + k + "]";
                JsonNode sampleNode = sampleNodes.get(k);
                Verdict sampleVerdict = verdict(reader, sampleNode, sampleWhere + ".outcome");
                OptionalDouble sampleConfidence = reader.nullableUnit(sampleNode, sampleWhere + ".confidence");
                if (sampleVerdict == Verdict.ERRORED && sampleConfidence.isPresent()) {
                    throw reader.error(sampleWhere + ".confidence", "must be null for an errored sample");
                }
                outcomes.add(new CaseOutcome(sampleVerdict, sampleConfidence, false));
            }
            long passed = outcomes.stream().filter(CaseOutcome::correct).count();
            if (passed != passes) {
                throw reader.error(
                        where + ".passes", "is " + passes + ", but " + passed + " of its sampleOutcomes passed");
            }
        }
        return new BaselineCase(
                reader.text(node, where + ".method"),
                reader.text(node, where + ".id"),
                verdict,
                confidence,
                samples,
                passes,
                outcomes);
    }

    private static Verdict verdict(Reader reader, JsonNode node, String where) {
        String outcome = reader.text(node, where);
        try {
            return Verdict.valueOf(outcome.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw reader.error(where, "must be passed, failed or errored, got '" + outcome + "'");
        }
    }

    private static BaselineException missing(Path file, Exception cause) {
        return new BaselineException(
                "There is no baseline at " + file + ". Take one from a passing run with `mvn"
                        + " verify rpt:baseline` and commit it, or point rpt.check.baseline at yours.",
                cause);
    }

    private static void number(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, value.getAsDouble());
        } else {
            node.putNull(name);
        }
    }

    /** Field access that fails with the file and the field's path. */
    private record Reader(Path file) {

        BaselineException error(String field, String what) {
            return new BaselineException("The baseline " + file + " is invalid: " + field + " " + what
                    + ". Restore it from version control or write it again with `mvn rpt:baseline`.");
        }

        private JsonNode field(JsonNode parent, String path) {
            return parent.path(path.substring(path.lastIndexOf('.') + 1));
        }

        JsonNode object(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isObject()) {
                throw error(path, "must be an object");
            }
            return node;
        }

        JsonNode array(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isArray()) {
                throw error(path, "must be an array");
            }
            return node;
        }

        String text(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isTextual()) {
                throw error(path, "must be a string" + (node.isMissingNode() ? " and is missing" : ""));
            }
            return node.asText();
        }

        int integer(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (!node.isInt() || node.asInt() < 0) {
                throw error(path, "must be a non-negative integer" + (node.isMissingNode() ? " and is missing" : ""));
            }
            return node.asInt();
        }

        OptionalDouble nullableUnit(JsonNode parent, String path) {
            JsonNode node = field(parent, path);
            if (node.isNull()) {
                return OptionalDouble.empty();
            }
            if (!node.isNumber() || !(node.asDouble() >= 0 && node.asDouble() <= 1)) {
                throw error(
                        path, "must be a number in [0, 1] or null" + (node.isMissingNode() ? " and is missing" : ""));
            }
            return OptionalDouble.of(node.asDouble());
        }
    }
}
