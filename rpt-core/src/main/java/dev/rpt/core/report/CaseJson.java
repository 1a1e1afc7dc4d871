package dev.rpt.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes one {@link CaseRecord} in the report's JSON shape. */
final class CaseJson {

    private CaseJson() {}

    static void write(JsonGenerator json, CaseRecord record) throws IOException {
        json.writeStartObject();
        json.writeStringField("className", record.className());
        json.writeStringField("method", record.method());
        json.writeStringField("id", record.id());
        json.writeNumberField("sample", record.sample());
        json.writeStringField("split", record.split().name().toLowerCase(Locale.ROOT));
        json.writeBooleanField("mustPass", record.mustPass());
        json.writeObjectFieldStart("vars");
        for (Map.Entry<String, String> entry : new TreeMap<>(record.vars()).entrySet()) {
            json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
        json.writeStringField("outcome", record.verdict().name().toLowerCase(Locale.ROOT));
        json.writeStringField("answer", record.answer().orElse(null));
        MetricsJson.number(json, "confidence", record.confidence());
        json.writeBooleanField("formatError", record.formatError());
        failure(json, "failure", record.failure());
        failure(json, "error", record.error());
        json.writeFieldName("usage");
        MetricsJson.writeTokens(json, record.usage());
        json.writeBooleanField("cached", record.cached());
        json.writeNumberField("latencyMs", record.latencyMs());
        json.writeStringField("justification", record.justification().orElse(null));
        json.writeEndObject();
    }

    private static void failure(JsonGenerator json, String name, java.util.Optional<CaseRecord.Failure> failure)
            throws IOException {
        if (failure.isEmpty()) {
            json.writeNullField(name);
            return;
        }
        json.writeObjectFieldStart(name);
        json.writeStringField("kind", failure.get().kind());
        json.writeStringField("message", failure.get().message());
        // Absent, not null, when the assertion did not say: reports of plain assertions stay as they were.
        if (failure.get().expected().isPresent()) {
            json.writeStringField("expected", failure.get().expected().get());
        }
        if (failure.get().problem().isPresent()) {
            json.writeStringField("problem", failure.get().problem().get());
        }
        json.writeEndObject();
    }
}
