package dev.rpt.core.model.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.core.model.http.StrictSchemas;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strict schemas that OpenAI accepts: its strict mode (Structured Outputs) wants every property required, optional ones
 * as nullable, and every object closed; what cannot be written so goes out without {@code strict}, said once.
 */
class StrictSchemasTests {

    @Test
    void optionalFieldsBecomeRequiredAndNullableAndObjectsAreClosed() throws Exception {
        // Picoschema `reason?: string` and a nested object; a plain JSON Schema object without additionalProperties.
        JsonNode schema = OpenAiJson.MAPPER.readTree("{\"type\":\"object\",\"properties\":{"
                + "\"answer\":{\"type\":\"string\"},\"reason\":{\"type\":\"string\"},"
                + "\"level\":{\"type\":\"string\",\"enum\":[\"LOW\",\"HIGH\"]},"
                + "\"detail\":{\"type\":\"object\",\"properties\":{\"note\":{\"type\":\"string\"}}},"
                + "\"either\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"number\"}]}},"
                + "\"required\":[\"answer\"]}");

        StrictSchemas.Adapted adapted = StrictSchemas.adapt(schema);

        assertThat(adapted.notStrict()).isEmpty();
        assertThat(adapted.schema().toString())
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"},"
                        + "\"reason\":{\"type\":[\"string\",\"null\"]},"
                        + "\"level\":{\"type\":[\"string\",\"null\"],\"enum\":[\"LOW\",\"HIGH\",null]},"
                        + "\"detail\":{\"type\":[\"object\",\"null\"],\"properties\":{\"note\":{\"type\":[\"string\","
                        + "\"null\"]}},\"additionalProperties\":false,\"required\":[\"note\"]},"
                        + "\"either\":{\"anyOf\":[{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"number\"}]},"
                        + "{\"type\":\"null\"}]}},"
                        + "\"required\":[\"answer\",\"reason\",\"level\",\"detail\",\"either\"],"
                        + "\"additionalProperties\":false}");
        assertThat(schema.get("required")).as("the input is not changed").hasSize(1);
    }

    @Test
    void whatStrictModeCannotExpressGoesOutWithoutStrictAndIsSaidOnce() {
        // What Picoschema writes for `answer: string` with `(*): string` (any other field), and for `answer: any`.
        String wildcard = "{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"}},"
                + "\"required\":[\"answer\"],\"additionalProperties\":{\"type\":\"string\"}}";
        String anything = "{\"type\":\"object\",\"properties\":{\"answer\":{}},\"required\":[\"answer\"],"
                + "\"additionalProperties\":false}";
        List<String> warnings = new ArrayList<>();
        ChatRequestWriter writer = new ChatRequestWriter("gpt-4.1-mini", OpenAiOptions.DEFAULTS, warnings::add);

        String first = write(writer, wildcard);
        write(writer, wildcard);
        String second = write(writer, anything);

        assertThat(first).contains("\"strict\":false").contains("\"additionalProperties\":{\"type\":\"string\"}");
        assertThat(second).contains("\"strict\":false");
        assertThat(warnings)
                .containsExactly(
                        "[rpt] WARNING: the output schema target_answer goes to gpt-4.1-mini without strict: the top"
                                + " level allows fields beyond its properties (Picoschema `(*)` or"
                                + " additionalProperties), which strict mode cannot express. The model is asked, not"
                                + " held, to follow it; rpt still checks every answer against the schema.");
        assertThat(warnings).hasSize(1);
    }

    private static String write(ChatRequestWriter writer, String schema) {
        ChatRequest request = ChatRequest.builder()
                .user("hi")
                .responseFormat(new ResponseFormat("target_answer", new JsonSchema(schema), true))
                .build();
        return new String(writer.write(request), StandardCharsets.UTF_8);
    }
}
