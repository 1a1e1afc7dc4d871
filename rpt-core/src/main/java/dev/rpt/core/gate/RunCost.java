package dev.rpt.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;

/** Reads a run report's {@code usage.costUsd}, which {@link dev.rpt.core.report.RunReport} does not carry. */
public final class RunCost {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunCost() {}

    /**
     * The run's cost in USD.
     *
     * @param runReport a run report such as {@code target/rpt/last-run.json}
     * @return the cost; empty when the report says it is unknown ({@code null}: some billed model has no price)
     * @throws IOException when the file cannot be read or is not JSON
     */
    public static OptionalDouble read(Path runReport) throws IOException {
        JsonNode cost = JSON.readTree(runReport.toFile()).path("usage").path("costUsd");
        return cost.isNumber() ? OptionalDouble.of(cost.asDouble()) : OptionalDouble.empty();
    }
}
