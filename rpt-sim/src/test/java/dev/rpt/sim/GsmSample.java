package dev.rpt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 200 GSM8K test rows under {@code sim/gsm8k-sample.jsonl}, read independently of the simulator's own loader,
 * and a scorer that grades replies the way a naive evaluator would: the first number of the answer field.
 */
final class GsmSample {

    static final String RESOURCE = "sim/gsm8k-sample.jsonl";
    static final ResponseFormat FORMAT = new ResponseFormat("answer", new JsonSchema("{\"type\":\"object\"}"), true);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FIRST_NUMBER = Pattern.compile("-?\\d[\\d,]*(\\.\\d+)?");

    /** One row: the question as the key holds it and the number after {@code ####}. */
    record Row(String question, BigDecimal answer) {}

    private GsmSample() {}

    static List<Row> rows() {
        try (InputStream in = GsmSample.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            List<Row> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode row = JSON.readTree(line);
                String answer = row.get("answer").asText();
                String last =
                        answer.substring(answer.lastIndexOf("####") + 4).strip().replace(",", "");
                rows.add(new Row(row.get("question").asText(), new BigDecimal(last)));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChatModel model() {
        return new SimProvider().create(ModelSettings.of("sim", "sim", null, null), SimOptions.ofAnswers(RESOURCE));
    }

    /** The request a prompt test would send: system prompt, then the question in a user template. */
    static ChatRequest request(String system, String question) {
        return ChatRequest.builder()
                .system(system)
                .user("Question:\n" + question + "\n\nReply in the requested format.")
                .responseFormat(FORMAT)
                .temperature(0.0)
                .build();
    }

    /** The parsed JSON reply. */
    static JsonNode parse(ChatResponse response) {
        try {
            return JSON.readTree(response.text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the first number of the reply's answer field is the row's answer. */
    static boolean firstNumberCorrect(JsonNode reply, Row row) {
        Matcher matcher = FIRST_NUMBER.matcher(reply.get("answer").asText());
        return matcher.find() && new BigDecimal(matcher.group().replace(",", "")).compareTo(row.answer()) == 0;
    }

    /** Whether the last number of the reply's answer field is the row's answer: the answer's substance. */
    static boolean lastNumberCorrect(JsonNode reply, Row row) {
        Matcher matcher = FIRST_NUMBER.matcher(reply.get("answer").asText());
        String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        return last != null && new BigDecimal(last.replace(",", "")).compareTo(row.answer()) == 0;
    }

    /**
     * Accuracy and calibration of one system prompt over the whole sample.
     *
     * @param firstNumberAccuracy graded by the first number of the answer field
     * @param lastNumberAccuracy graded by the last number of the answer field
     * @param meanConfidence the mean stated confidence
     * @param ece expected calibration error against last-number correctness, 10 equal-width bins
     */
    record Score(double firstNumberAccuracy, double lastNumberAccuracy, double meanConfidence, double ece) {}

    static Score score(ChatModel model, String system) {
        List<Row> rows = rows();
        int first = 0;
        int last = 0;
        double confidenceSum = 0;
        double[] binConfidence = new double[10];
        double[] binCorrect = new double[10];
        for (Row row : rows) {
            JsonNode reply = parse(model.chat(request(system, row.question())));
            first += firstNumberCorrect(reply, row) ? 1 : 0;
            boolean correct = lastNumberCorrect(reply, row);
            last += correct ? 1 : 0;
            double confidence = reply.get("confidence").asDouble();
            confidenceSum += confidence;
            int bin = Math.min(9, (int) (confidence * 10));
            binConfidence[bin] += confidence;
            binCorrect[bin] += correct ? 1 : 0;
        }
        double ece = 0;
        for (int bin = 0; bin < 10; bin++) {
            ece += Math.abs(binConfidence[bin] - binCorrect[bin]);
        }
        int n = rows.size();
        return new Score((double) first / n, (double) last / n, confidenceSum / n, ece / n);
    }
}
