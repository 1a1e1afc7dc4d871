package dev.rpt.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.rpt.prompt.PromptFile;
import dev.rpt.prompt.PromptTool;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * The example of docs/tool-calling-prompts.md ("Hand the tools to your framework"), compiled against Spring AI and
 * LangChain4j: the application reads the tools from the same prompt file the tests use, so the shipped declarations
 * and the tested ones cannot drift apart.
 */
class ToolFrameworksDocsTests {

    private static final Path PROMPT = Path.of("../sample-project/src/main/resources/prompts/order-support.prompt");
    private static final ObjectMapper JSON = new ObjectMapper();

    // --- the example, as the docs show it ---

    /** Spring AI: a tool definition per declared tool; its input schema is the JSON Schema rpt derived. */
    static List<ToolDefinition> springAiTools(PromptFile prompt) {
        List<ToolDefinition> tools = new ArrayList<>();
        for (PromptTool tool : prompt.frontMatter().tools().tools()) {
            tools.add(ToolDefinition.builder()
                    .name(tool.name())
                    .description(tool.description())
                    .inputSchema(tool.input().json())
                    .build());
        }
        return tools;
    }

    /** LangChain4j: a tool specification per declared tool, its parameters read from the JSON Schema. */
    static List<ToolSpecification> langChain4jTools(PromptFile prompt) throws IOException {
        List<ToolSpecification> tools = new ArrayList<>();
        for (PromptTool tool : prompt.frontMatter().tools().tools()) {
            JsonNode schema = JSON.readTree(tool.input().json());
            JsonObjectSchema.Builder parameters = JsonObjectSchema.builder();
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            schema.path("properties").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                String description = property.getValue().path("description").asText(null);
                switch (property.getValue().path("type").asText()) {
                    case "number" -> parameters.addNumberProperty(property.getKey(), description);
                    case "integer" -> parameters.addIntegerProperty(property.getKey(), description);
                    case "boolean" -> parameters.addBooleanProperty(property.getKey(), description);
                    default -> parameters.addStringProperty(property.getKey(), description);
                }
            }
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            tools.add(ToolSpecification.builder()
                    .name(tool.name())
                    .description(tool.description())
                    .parameters(parameters.required(required).build())
                    .build());
        }
        return tools;
    }

    // --- what the example must give ---

    @Test
    void springAiGetsTheDeclaredToolsWithTheirSchemas() throws IOException {
        PromptFile prompt = PromptFile.parse(PROMPT);

        List<ToolDefinition> tools = springAiTools(prompt);

        assertThat(tools).extracting(ToolDefinition::name).containsExactly("lookup_order", "refund_order", "escalate");
        assertThat(tools.get(0).description())
                .isEqualTo(prompt.frontMatter().tools().tools().get(0).description());
        assertThat(JSON.readTree(tools.get(0).inputSchema())
                        .at("/properties/order_id/type")
                        .asText())
                .isEqualTo("string");
    }

    @Test
    void langChain4jGetsTheDeclaredToolsWithTheirParameters() throws IOException {
        PromptFile prompt = PromptFile.parse(PROMPT);

        List<ToolSpecification> tools = langChain4jTools(prompt);

        assertThat(tools)
                .extracting(ToolSpecification::name)
                .containsExactly("lookup_order", "refund_order", "escalate");
        assertThat(tools.get(1).description()).isEqualTo("Refund an order in full.");
        assertThat(tools.get(1).parameters().properties()).containsOnlyKeys("order_id");
        assertThat(tools.get(1).parameters().required()).containsExactly("order_id");
    }
}
