package dev.rpt.core.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.model.http.StrictSchemas;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The schemas of a request as they go to an OpenAI API, Chat Completions or Responses alike: a schema asked to be
 * strict is written into strict mode's subset ({@link StrictSchemas}), or sent as it is without {@code strict} where it
 * cannot be, said once per schema and model (OpenAI and Azure answer a strict schema outside the subset with a 400).
 */
final class OutgoingSchemas {

    private final String model;
    private final Consumer<String> warnings;
    // Each schema that cannot go out strict is said once per model, not once per request.
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    OutgoingSchemas(String model, Consumer<String> warnings) {
        this.model = model;
        this.warnings = warnings;
    }

    /** A schema as it goes out, and whether strict. */
    record Sent(JsonNode schema, boolean strict) {}

    /** A tool's parameters. */
    Sent parameters(ToolDefinition tool) {
        return sent(
                schema(tool.parameters().json(), "the parameters schema of tool " + tool.name()),
                tool.strict(),
                "the parameters of tool " + tool.name());
    }

    /** A response format's schema. */
    Sent output(ResponseFormat format) {
        return sent(
                schema(format.schema().json(), "the response format schema " + format.name()),
                format.strict(),
                "the output schema " + format.name());
    }

    private Sent sent(JsonNode schema, boolean strict, String what) {
        if (!strict) {
            return new Sent(schema, false);
        }
        StrictSchemas.Adapted adapted = StrictSchemas.adapt(schema);
        adapted.notStrict().ifPresent(why -> warnOnce(what, why));
        return new Sent(adapted.schema(), adapted.notStrict().isEmpty());
    }

    private void warnOnce(String what, String why) {
        if (warned.add(what)) {
            warnings.accept("[rpt] WARNING: " + what + " goes to " + model + " without strict: " + why + ". The model"
                    + " is asked, not held, to follow it; rpt still checks every answer against the schema.");
        }
    }

    private static JsonNode schema(String json, String what) {
        JsonNode schema = OpenAiJson.parseInput(json, what);
        if (!schema.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return schema;
    }
}
