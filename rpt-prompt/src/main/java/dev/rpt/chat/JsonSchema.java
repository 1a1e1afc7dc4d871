package dev.rpt.chat;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A JSON Schema document, kept as its JSON text so that the SPI stays free of any JSON library.
 *
 * @param json the schema as a JSON object text
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record JsonSchema(String json) {

    public JsonSchema {
        Objects.requireNonNull(json, "json");
        if (!json.strip().startsWith("{")) {
            throw new IllegalArgumentException("a JSON Schema must be a JSON object, got: " + excerpt(json));
        }
    }

    private static String excerpt(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
