package dev.rpt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.protocol.DiagnosticReportFormat;
import dev.rpt.core.protocol.DiagnosticReportFormat.CalibrationJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.GoalsJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.MetricsJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.ModeJson;
import dev.rpt.core.protocol.DiagnosticReportFormat.ReportJson;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-side stand-in for the tuner's diagnostic function, written independently of the simulator: grades sim
 * target replies the way {@code isNumericallyEqualTo} does, asks the sim critic about each failure, and builds a
 * diagnostic report JSON (schemaVersion 1) from the real answers.
 */
final class TuneHarness {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String USER_TEMPLATE = "Question:\n{{question}}\n\nReply in the requested format.";
    static final double MIN_ACCURACY = 0.8;
    static final double MAX_ECE = 0.1;

    static final List<ToolDefinition> TOOLS = List.of(
            tool(
                    "evaluate_prompt",
                    "{\"type\":\"object\",\"properties\":{\"system\":{\"type\":\"string\"},\"user\":{\"type\":\"string\"}},"
                            + "\"required\":[\"system\",\"user\"],\"additionalProperties\":false}"),
            tool(
                    "inspect_failures",
                    "{\"type\":\"object\",\"properties\":{\"mode\":{\"type\":\"string\"},\"limit\":{\"type\":\"integer\"}},"
                            + "\"required\":[\"mode\",\"limit\"],\"additionalProperties\":false}"),
            tool("decide", "{\"type\":\"object\"}"));

    static final ResponseFormat CRITIQUE =
            new ResponseFormat("failure_critique", new JsonSchema("{\"type\":\"object\"}"), true);
    static final ResponseFormat GROUPING =
            new ResponseFormat("failure_grouping", new JsonSchema("{\"type\":\"object\"}"), true);

    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(\\.\\d+)?");

    private TuneHarness() {}

    private static ToolDefinition tool(String name, String schema) {
        return new ToolDefinition(name, "the tuner's " + name, new JsonSchema(schema), true);
    }

    /** One graded case: passed, or failed with an assertion kind and message. */
    record Graded(String id, GsmSample.Row row, JsonNode reply, boolean passed, String kind, String message) {}

    /** Accuracy, ECE (10 bins) and overconfident failures of one candidate on some rows. */
    record Evaluation(List<Graded> cases, double accuracy, double ece, int overconfidentWrong) {
        List<Graded> failed() {
            return cases.stream().filter(graded -> !graded.passed()).toList();
        }
    }

    static Graded grade(String id, GsmSample.Row row, JsonNode reply) {
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(reply.get("answer").asText());
        while (matcher.find()) {
            numbers.add(new BigDecimal(matcher.group().replace(",", "")));
        }
        String expectation = "the number " + row.answer().toPlainString();
        if (numbers.isEmpty()) {
            return new Graded(id, row, reply, false, "format", expectation + ", but the answer holds no number");
        }
        if (numbers.size() > 1) {
            return new Graded(
                    id, row, reply, false, "format", expectation + ", but the answer holds several numbers " + numbers);
        }
        boolean passed = numbers.get(0).compareTo(row.answer()) == 0;
        return new Graded(id, row, reply, passed, passed ? "" : "value", passed ? "" : expectation);
    }

    static Evaluation evaluate(ChatModel target, String system, String user, List<GsmSample.Row> rows, int firstId) {
        List<Graded> cases = new ArrayList<>();
        double[] binConfidence = new double[10];
        double[] binCorrect = new double[10];
        int overconfidentWrong = 0;
        for (int i = 0; i < rows.size(); i++) {
            GsmSample.Row row = rows.get(i);
            ChatRequest request = ChatRequest.builder()
                    .system(system)
                    .user(user.replace("{{question}}", row.question()))
                    .responseFormat(GsmSample.FORMAT)
                    .temperature(0.0)
                    .build();
            Graded graded = grade("gsm-" + (firstId + i), row, GsmSample.parse(target.chat(request)));
            cases.add(graded);
            double confidence = graded.reply().get("confidence").asDouble();
            int bin = Math.min(9, (int) (confidence * 10));
            binConfidence[bin] += confidence;
            binCorrect[bin] += graded.passed() ? 1 : 0;
            overconfidentWrong += !graded.passed() && confidence >= 0.8 ? 1 : 0;
        }
        double ece = 0;
        for (int bin = 0; bin < 10; bin++) {
            ece += Math.abs(binConfidence[bin] - binCorrect[bin]);
        }
        long passed = cases.stream().filter(Graded::passed).count();
        return new Evaluation(cases, (double) passed / rows.size(), ece / rows.size(), overconfidentWrong);
    }

    /** The critic call the diagnosis makes for one failed case. */
    static ChatRequest critiqueRequest(String task, Graded graded) {
        ObjectNode message = JSON.createObjectNode().put("task", task);
        ObjectNode kase = message.putObject("case").put("id", graded.id());
        kase.putObject("vars").put("question", graded.row().question());
        kase.put("expected", graded.row().answer().toPlainString())
                .put("answer", graded.reply().get("answer").asText())
                .put("confidence", graded.reply().get("confidence").asDouble())
                .put("justification", graded.reply().get("justification").asText());
        kase.putObject("failure").put("kind", graded.kind()).put("message", graded.message());
        return ChatRequest.builder()
                .system("You name why a case failed.")
                .user(write(message))
                .responseFormat(CRITIQUE)
                .temperature(0.0)
                .build();
    }

    /** The critic's labels for one failed case. */
    static List<String> labels(ChatModel critic, String task, Graded graded) {
        List<String> labels = new ArrayList<>();
        GsmSample.parse(critic.chat(critiqueRequest(task, graded)))
                .get("modes")
                .forEach(mode -> labels.add(mode.get("label").asText()));
        return labels;
    }

    /** The diagnostic report JSON: metrics, calibration, modes kept at prevalence ≥ 0.10 (else the top 3), goals. */
    static String report(ChatModel critic, String system, String user, Evaluation evaluation, int iteration) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (Graded graded : evaluation.failed()) {
            for (String label : labels(critic, system + "\n" + user, graded)) {
                members.computeIfAbsent(label, unused -> new ArrayList<>()).add(graded.id());
            }
        }
        int failed = evaluation.failed().size();
        List<Map.Entry<String, List<String>>> modes = new ArrayList<>(members.entrySet());
        modes.sort((a, b) -> b.getValue().size() - a.getValue().size());
        List<Map.Entry<String, List<String>>> kept = modes.stream()
                .filter(mode -> mode.getValue().size() >= 0.10 * failed)
                .toList();
        if (kept.isEmpty()) {
            kept = modes.subList(0, Math.min(3, modes.size()));
        }
        // Built from the records the tuner writes, so the harness cannot drift from the real report's fields.
        List<ModeJson> failureModes = kept.stream()
                .map(mode -> new ModeJson(
                        mode.getKey(),
                        "…",
                        mode.getValue().size(),
                        BigDecimal.valueOf((double) mode.getValue().size() / failed),
                        mode.getValue().stream().limit(3).toList()))
                .toList();
        ReportJson report = new ReportJson(
                DiagnosticReportFormat.SCHEMA_VERSION,
                iteration,
                new MetricsJson(
                        evaluation.cases().size(),
                        0,
                        BigDecimal.valueOf(evaluation.accuracy()),
                        null,
                        BigDecimal.valueOf(evaluation.ece()),
                        null,
                        null,
                        null,
                        null),
                new CalibrationJson(evaluation.overconfidentWrong(), 0, List.of()),
                failureModes,
                null,
                null,
                null,
                List.of(),
                new GoalsJson(
                        BigDecimal.valueOf(MIN_ACCURACY),
                        BigDecimal.valueOf(MAX_ECE),
                        null,
                        null,
                        evaluation.accuracy() >= MIN_ACCURACY && evaluation.ece() <= MAX_ECE));
        return DiagnosticReportFormat.write(report);
    }

    /** The optimizer's first user message. */
    static String firstMessage(String system, String user) {
        ObjectNode message = JSON.createObjectNode().put("system", system).put("user", user);
        message.putArray("placeholders").add("question");
        message.putObject("goals").put("minAccuracy", MIN_ACCURACY).put("maxEce", MAX_ECE);
        message.put("iteration", 1);
        return write(message);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
