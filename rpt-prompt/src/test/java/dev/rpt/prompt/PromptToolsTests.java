package dev.rpt.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.ToolChoice;
import dev.rpt.chat.ToolDefinition;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tools declared in a prompt's front matter: what the application reads, what a request carries, and one error with
 * its file line for each bad declaration.
 */
class PromptToolsTests {

    private static final String ORDER_SUPPORT = """
            ---
            tools:
              - name: lookup_order
                description: Look up an order by its id.
                input:
                  order_id: string, the order's id
              - name: refund
                description: Refund an order, fully or in part.
                input:
                  type: object
                  properties:
                    order_id: {type: string}
                    amount: {type: number}
                  required: [order_id, amount]
            config:
              toolChoice: auto
              parallelToolCalls: false
            ---
            {{role "system"}}
            You help customers with their orders. Look an order up before you refund it.
            {{role "user"}}
            {{message}}
            """;

    @Test
    void theApplicationReadsTheDeclaredToolsAndTheRequestCarriesThem() {
        PromptFile prompt = PromptFile.parse("order-support.prompt", ORDER_SUPPORT);

        PromptTools tools = prompt.frontMatter().tools();
        assertThat(tools.tools()).extracting(PromptTool::name).containsExactly("lookup_order", "refund");
        assertThat(tools.tool("lookup_order").orElseThrow().input().json())
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\",\"description\":"
                        + "\"the order's id\"}},\"required\":[\"order_id\"],\"additionalProperties\":false}");
        assertThat(tools.choice()).contains(ToolChoice.AUTO);
        assertThat(tools.parallelCalls()).contains(false);

        ChatRequest request = prompt.render(Map.of("message", "Where is order A1?"))
                .toRequestBuilder()
                .build();
        assertThat(request.tools())
                .extracting(ToolDefinition::name, ToolDefinition::strict)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lookup_order", true),
                        org.assertj.core.groups.Tuple.tuple("refund", true));
        assertThat(request.tools().get(1).parameters().json()).contains("\"amount\":{\"type\":\"number\"}");
        assertThat(request.toolChoice()).isEqualTo(ToolChoice.AUTO);
        assertThat(request.parallelToolCalls()).isFalse();
    }

    @Test
    void toolChoiceMayNameOneDeclaredTool() {
        PromptFile prompt =
                PromptFile.parse("p.prompt", ORDER_SUPPORT.replace("toolChoice: auto", "toolChoice: lookup_order"));

        assertThat(prompt.frontMatter().tools().choice()).contains(ToolChoice.function("lookup_order"));
    }

    @Test
    void eachBadDeclarationIsOneErrorWithItsLine() {
        assertThat(error(ORDER_SUPPORT.replace("    description: Look up an order by its id.\n", "")))
                .isEqualTo("p.prompt:3: a tool needs name, description and input; this one has no description");
        assertThat(error(ORDER_SUPPORT.replace("name: refund", "name: refund now")))
                .isEqualTo("p.prompt:7: tool name `refund now`: use letters, digits, _ and - only, at most 64"
                        + " characters (what OpenAI and Anthropic accept)");
        assertThat(error(ORDER_SUPPORT.replace("name: refund", "name: lookup_order")))
                .isEqualTo("p.prompt:7: tools: `lookup_order` is declared twice");
        assertThat(error(ORDER_SUPPORT.replace("toolChoice: auto", "toolChoice: cancel_order")))
                .isEqualTo("p.prompt:16: config.toolChoice must be auto, required, none or the name of a declared tool,"
                        + " got `cancel_order`");
        assertThat(error(ORDER_SUPPORT.replace(
                        "    input:\n      order_id: string, the order's id\n",
                        "    input:\n      order_id: string\n    returns: string\n")))
                .isEqualTo("p.prompt:7: unknown front-matter key `tools.0.returns`. Supported under tools.0: name,"
                        + " description, input");
        assertThat(error("---\nconfig:\n  parallelToolCalls: true\n---\nhi\n"))
                .isEqualTo("p.prompt:3: config.parallelToolCalls needs tools: declare them under tools");
        assertThat(error("---\ntools: lookup_order\n---\nhi\n"))
                .isEqualTo("p.prompt:2: tools must be a list of tools, each with name, description and input");
    }

    @Test
    void toolsRoundTripByteForByteWhenTheTunerRewritesTheSections() {
        PromptFile prompt = PromptFile.parse("order-support.prompt", ORDER_SUPPORT);

        PromptFile rewritten = prompt.withSections("Be brief. Look an order up before you refund it.", null);

        assertThat(rewritten.text()).startsWith(ORDER_SUPPORT.substring(0, ORDER_SUPPORT.indexOf("{{role")));
        assertThat(PromptFile.parse("order-support.prompt", rewritten.text()).frontMatter())
                .isEqualTo(prompt.frontMatter());
    }

    private static String error(String text) {
        return catchThrowableOfType(PromptFormatException.class, () -> PromptFile.parse("p.prompt", text))
                .getMessage();
    }
}
