package dev.rpt.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
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
    void seededRandomDescriptionsReadBackExactlyAndLeaveEveryOtherByte() {
        // YAML's hard characters: quotes, backslashes, colons, '#', leading dashes and braces, tabs, newlines, and
        // characters outside ASCII; a description is stripped, so edges are not blank.
        String alphabet = "ab Z9:#-'\"\\{}[]|>&*!%@`\t\nçé€😀";
        int[] characters = alphabet.codePoints().toArray();
        SplittableRandom random = new SplittableRandom(20261207L);
        PromptFile prompt = PromptFile.parse("order.prompt", HEAD + "    description: Look it up.\n" + TAIL);
        for (int run = 0; run < 300; run++) {
            StringBuilder text = new StringBuilder("x");
            int length = random.nextInt(1, 60);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(characters[random.nextInt(characters.length)]);
            }
            String description = text.append('y').toString();

            PromptFile edited = prompt.withToolDescription("lookup_order", description);
            PromptFile reread = PromptFile.parse("order.prompt", edited.text());

            assertThat(reread.frontMatter().tools().tools().get(0).description())
                    .as("run %d: %s", run, description)
                    .isEqualTo(description);
            assertThat(edited.text()).as("run %d", run).startsWith(HEAD).endsWith(TAIL);
            assertThat(reread.frontMatter().tools().tools().get(1))
                    .isEqualTo(prompt.frontMatter().tools().tools().get(1));
        }
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
