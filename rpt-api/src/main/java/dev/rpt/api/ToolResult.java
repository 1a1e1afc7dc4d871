package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What a tool returned to the model for one call: a case's stubbed result, or the error rpt sent when no stub matched.
 *
 * @param callId the id of the call it answers
 * @param name the tool's name
 * @param content the result as the model saw it: the stub's string, or its JSON text
 * @param error whether it was sent as an error (no stub answered the call)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ToolResult(String callId, String name, String content, boolean error) {

    public ToolResult {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
