package dev.rpt.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.ToolChoice;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every front-matter key that docs/prompt-format.md documents, as a user meets it: what a valid value puts in the
 * request the application sends, and what a bad value says (the file, the line of the key and the key). {@link
 * PromptRoundTripTests} checks that each form survives the tuner's rewrite.
 */
class DocumentedFormsTests {

    private static final String BODY = "{{role \"system\"}}\nBe exact.\n{{role \"user\"}}\n{{question}}\n";

    static Stream<Arguments> requestOfEachForm() {
        return Stream.of(
                form(
                        "config.temperature",
                        "config:\n  temperature: 0.7\n",
                        r -> assertThat(r.temperature()).isEqualTo(0.7)),
                form(
                        "config.maxOutputTokens",
                        "config:\n  maxOutputTokens: 512\n",
                        r -> assertThat(r.maxTokens()).isEqualTo(512)),
                form(
                        "config.seed",
                        "config:\n  seed: 7\n",
                        r -> assertThat(r.seed()).isEqualTo(7L)),
                form(
                        "config.logprobs",
                        "config:\n  logprobs: true\n",
                        r -> assertThat(r.logprobs()).isTrue()),
                form("config.topLogprobs turns logprobs on", "config:\n  topLogprobs: 5\n", r -> {
                    assertThat(r.topLogprobs()).isEqualTo(5);
                    assertThat(r.logprobs()).isTrue();
                }),
                form("nothing declared: no parameters, no response format", "model: gpt-4.1-mini\n", r -> {
                    assertThat(r.temperature()).isNull();
                    assertThat(r.maxTokens()).isNull();
                    assertThat(r.responseFormat()).isNull();
                    assertThat(r.tools()).isEmpty();
                }),
                form(
                        "output.schema: a strict JSON schema named after the file",
                        "output:\n  format: json\n  schema:\n    answer: string\n    confidence: number\n",
                        r -> {
                            assertThat(r.responseFormat()).isNotNull();
                            assertThat(r.responseFormat().toString())
                                    .contains("form")
                                    .contains("answer")
                                    .contains("confidence");
                        }),
                form(
                        "output.format text: no response format",
                        "output:\n  format: text\n",
                        r -> assertThat(r.responseFormat()).isNull()),
                form(
                        "output.answer: a text prompt, no response format",
                        "output:\n  answer: \"Answer: (.+)\"\n",
                        r -> assertThat(r.responseFormat()).isNull()),
                form(
                        "tools, config.toolChoice and config.parallelToolCalls",
                        "tools:\n  - name: lookup_order\n    description: Look up an order.\n    input:\n"
                                + "      order_id: string\nconfig:\n  toolChoice: required\n  parallelToolCalls: false\n",
                        r -> {
                            assertThat(r.tools()).singleElement().satisfies(tool -> {
                                assertThat(tool.name()).isEqualTo("lookup_order");
                                assertThat(tool.description()).isEqualTo("Look up an order.");
                            });
                            assertThat(r.toolChoice()).isEqualTo(ToolChoice.REQUIRED);
                            assertThat(r.parallelToolCalls()).isFalse();
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestOfEachForm")
    void eachDocumentedFormReachesTheRequest(String form, String frontMatter, Consumer<ChatRequest> expected) {
        PromptFile prompt = PromptFile.parse("form.prompt", "---\n" + frontMatter + "---\n" + BODY);

        ChatRequest request = prompt.render(Map.of("question", "What is 6 x 7?"))
                .toRequestBuilder()
                .build();

        assertThat(request.messages()).hasSize(2);
        expected.accept(request);
    }

    static Stream<Arguments> badValueOfEachKey() {
        return Stream.of(
                bad("model", "model: [a, b]\n", 2),
                bad("config.temperature", "config:\n  temperature: 3\n", 3),
                bad("config.maxOutputTokens", "config:\n  maxOutputTokens: 0\n", 3),
                bad("config.seed", "config:\n  seed: soon\n", 3),
                bad("config.logprobs", "config:\n  logprobs: maybe\n", 3),
                bad("config.topLogprobs", "config:\n  topLogprobs: 21\n", 3),
                bad("input.schema", "input:\n  schema:\n    question: text\n", 4),
                bad("output.format", "output:\n  format: xml\n", 3),
                bad("output.answer", "output:\n  answer: \"(a)(b)\"\n", 3),
                bad("output.confidence", "output:\n  answer: \"A: (.+)\"\n  confidence: \"C: [0-9]+\"\n", 4),
                bad("tools", "tools:\n  - description: Look up an order.\n", 3, "a tool needs name"),
                bad(
                        "config.toolChoice",
                        "tools:\n  - name: lookup_order\n    description: d\n    input:\n      id: string\n"
                                + "config:\n  toolChoice: refund\n",
                        8),
                bad(
                        "config.parallelToolCalls",
                        "tools:\n  - name: lookup_order\n    description: d\n    input:\n      id: string\n"
                                + "config:\n  parallelToolCalls: sometimes\n",
                        8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValueOfEachKey")
    void aBadValueOfEachDocumentedKeyNamesTheFileTheLineAndTheKey(
            String key, String frontMatter, int line, String named) {
        PromptFormatException error = catchThrowableOfType(
                PromptFormatException.class,
                () -> PromptFile.parse("p/x.prompt", "---\n" + frontMatter + "---\n" + BODY));

        assertThat(error).as(key).isNotNull();
        assertThat(error.sourceName()).isEqualTo("p/x.prompt");
        assertThat(error.line()).as(key + ": " + error.getMessage()).isEqualTo(line);
        assertThat(error.getMessage()).startsWith("p/x.prompt:" + line + ": ").contains(named);
    }

    private static Arguments form(String name, String frontMatter, Consumer<ChatRequest> expected) {
        return Arguments.of(name, frontMatter, expected);
    }

    private static Arguments bad(String key, String frontMatter, int line) {
        return bad(key, frontMatter, line, key);
    }

    /** A bad value whose error names what is wrong in other words than the key, e.g. "a tool needs name". */
    private static Arguments bad(String key, String frontMatter, int line, String named) {
        return Arguments.of(key, frontMatter, line, named);
    }
}
