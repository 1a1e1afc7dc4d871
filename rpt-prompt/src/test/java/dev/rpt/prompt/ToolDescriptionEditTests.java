package dev.rpt.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A tool's description rewritten in place: the rest of the file, the tools' names and schemas included, unchanged. */
class ToolDescriptionEditTests {

    private static final String HEAD = """
            ---
            # The shop's assistant.
            input:
              schema:
                message: string
            tools:
              - name: lookup_order
            """;
    private static final String TAIL = """
                input:
                  order_id: string, the order's id
              - name: refund_order
                description: Refund an order.   # reviewed by legal
                input:
                  order_id: string
            config:
              toolChoice: auto
            ---
            {{role "system"}}
            You help customers.
            {{role "user"}}
            {{message}}
            """;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "    description: Look an order up.\n",
                "    description: 'Look an order up.'\n",
                "    description: \"Look an order up.\"  \n",
                "    description: Look an order up.  # old wording\n",
                "    description: |\n      Look an order up.\n      By its id.\n",
                "    description: >\n      Look an order up\n      by its id.\n\n",
                "    description: Look an order up,\n      continued on a second line.\n"
            })
    void replacesTheValueWhateverItsStyleAndNothingElse(String descriptionLines) {
        String text = HEAD + descriptionLines + TAIL;
        PromptFile prompt = PromptFile.parse("order.prompt", text);

        PromptFile edited =
                prompt.withToolDescription("lookup_order", "Look up an order: \"status\" and total.\nOnce.");

        String replaced = descriptionLines.substring(0, descriptionLines.indexOf("description: ") + 13);
        assertThat(edited.text())
                .startsWith(HEAD + replaced + "\"Look up an order: \\\"status\\\" and total.\\nOnce.\"");
        assertThat(edited.text()).endsWith(TAIL);
        assertThat(edited.frontMatter().tools().tools().get(0).description())
                .isEqualTo("Look up an order: \"status\" and total.\nOnce.");
        assertThat(edited.frontMatter().tools().tools().get(0).input())
                .isEqualTo(prompt.frontMatter().tools().tools().get(0).input());
        assertThat(edited.frontMatter().tools().tools().get(1))
                .isEqualTo(prompt.frontMatter().tools().tools().get(1));
        assertThat(edited.sectionText(dev.rpt.chat.Role.SYSTEM)).isEqualTo("You help customers.");
    }

    @Test
    void aCommentOnThePlainValuesLineStays() {
        PromptFile prompt = PromptFile.parse("order.prompt", HEAD + "    description: Look it up.\n" + TAIL);

        PromptFile edited = prompt.withToolDescription("refund_order", "Refund an order in full.");

        assertThat(edited.text()).contains("    description: \"Refund an order in full.\"   # reviewed by legal\n");
        assertThat(edited.text().replace("\"Refund an order in full.\"", "Refund an order."))
                .isEqualTo(prompt.text());
    }

    @Test
    void windowsLineEndingsAreKept() {
        String text = (HEAD + "    description: |\n      Look it up.\n" + TAIL).replace("\n", "\r\n");

        PromptFile edited = PromptFile.parse("order.prompt", text).withToolDescription("lookup_order", "Find it.");

        assertThat(edited.text()).contains("    description: \"Find it.\"\r\n    input:\r\n");
        assertThat(edited.text().lines().count()).isEqualTo(text.lines().count() - 1);
        assertThat(edited.text()).doesNotContain("\r\r").doesNotContainPattern("[^\r]\n");
    }

    @Test
    void anUndeclaredToolOrABlankDescriptionIsRefused() {
        PromptFile prompt = PromptFile.parse("order.prompt", HEAD + "    description: Look it up.\n" + TAIL);

        assertThatThrownBy(() -> prompt.withToolDescription("issue_refund", "Refund."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the prompt declares no tool named issue_refund; its tools are "
                        + List.of("lookup_order", "refund_order"));
        assertThatThrownBy(() -> prompt.withToolDescription("lookup_order", "  "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
