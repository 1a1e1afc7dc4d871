package dev.rpt.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.ReliabilityBin;
import dev.rpt.core.model.runtime.UsageSnapshot;
import java.io.IOException;
import java.util.OptionalDouble;

/** Writes metric values in the report's JSON shape; undefined values are {@code null}, never 0 or NaN. */
final class MetricsJson {

    private MetricsJson() {}

    static void writeMetrics(JsonGenerator json, Metrics metrics) throws IOException {
        json.writeStartObject();
        json.writeNumberField("n", metrics.n());
        json.writeNumberField("errored", metrics.errored());
        json.writeNumberField("correct", metrics.correct());
        number(json, "accuracy", metrics.accuracy());
        json.writeFieldName("accuracyCi");
        if (metrics.accuracyCi().isPresent()) {
            json.writeStartArray();
            json.writeNumber(metrics.accuracyCi().get().lower());
            json.writeNumber(metrics.accuracyCi().get().upper());
            json.writeEndArray();
        } else {
            json.writeNull();
        }
        number(json, "ece", metrics.ece());
        number(json, "eceEqualMass", metrics.eceEqualMass());
        number(json, "brier", metrics.brier());
        number(json, "auroc", metrics.auroc());
        number(json, "overconfidenceRate", metrics.overconfidenceRate());
        number(json, "underconfidenceRate", metrics.underconfidenceRate());
        number(json, "formatErrorRate", metrics.formatErrorRate());
        json.writeNumberField("missingConfidence", metrics.missingConfidence());
        number(json, "meanConfidence", metrics.meanConfidence());
        json.writeArrayFieldStart("reliability");
        for (ReliabilityBin bin : metrics.reliability()) {
            json.writeStartObject();
            json.writeNumberField("lower", bin.lower());
            json.writeNumberField("upper", bin.upper());
            json.writeNumberField("count", bin.count());
            number(json, "meanConfidence", bin.meanConfidence());
            number(json, "accuracy", bin.accuracy());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static void writeUsage(JsonGenerator json, UsageSnapshot usage) throws IOException {
        json.writeStartObject();
        json.writeNumberField("calls", usage.calls());
        json.writeNumberField("cachedCalls", usage.cachedCalls());
        json.writeNumberField("errors", usage.errors());
        json.writeFieldName("tokens");
        writeTokens(json, usage.usage());
        json.writeFieldName("cachedTokens");
        writeTokens(json, usage.cachedUsage());
        number(json, "costUsd", usage.costUsd());
        json.writeArrayFieldStart("unpricedModels");
        for (String model : usage.unpricedModels()) {
            json.writeString(model);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    static void writeTokens(JsonGenerator json, Usage usage) throws IOException {
        json.writeStartObject();
        json.writeNumberField("prompt", usage.promptTokens());
        json.writeNumberField("completion", usage.completionTokens());
        json.writeNumberField("total", usage.totalTokens());
        json.writeEndObject();
    }

    static void number(JsonGenerator json, String name, OptionalDouble value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(name, value.getAsDouble());
        } else {
            json.writeNullField(name);
        }
    }
}
