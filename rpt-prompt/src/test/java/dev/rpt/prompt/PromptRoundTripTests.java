package dev.rpt.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.chat.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A prompt file survives what the tuner does to it: every documented front-matter form (docs/prompt-format.md, "Front
 * matter" and "Schemas") parses, and writing its own sections back gives the same bytes and the same front matter.
 * Seeded random section texts, with the characters a model writes (braces, quotes, unicode, CRLF, blank lines), come
 * back exactly. (jqwik does not run on the JUnit Platform line the project uses; plain Jupiter with a fixed seed does.)
 */
class PromptRoundTripTests {

    private static final String BODY = "{{role \"system\"}}\nBe exact.\n{{role \"user\"}}\n{{question}}\n";

    static Stream<Arguments> documentedFrontMatter() {
        return Stream.of(
                Arguments.of("model", "model: gpt-4.1-mini\n"),
                Arguments.of("config.temperature", "config:\n  temperature: 0.7\n"),
                Arguments.of("config.maxOutputTokens", "config:\n  maxOutputTokens: 512\n"),
                Arguments.of("config.seed", "config:\n  seed: 7\n"),
                Arguments.of("config.logprobs", "config:\n  logprobs: true\n"),
                Arguments.of("config.topLogprobs", "config:\n  topLogprobs: 5\n"),
                Arguments.of("input.schema (Picoschema)", "input:\n  schema:\n    question: string, the problem\n"),
                Arguments.of(
                        "input.schema (JSON Schema)",
                        "input:\n  schema:\n    type: object\n    properties:\n      question:\n        type: string\n"
                                + "    required: [question]\n"),
                Arguments.of(
                        "output.format json with output.schema",
                        "output:\n  format: json\n  schema:\n    answer: string\n    confidence: number\n"),
                Arguments.of("output.format text", "output:\n  format: text\n"),
                Arguments.of(
                        "output.answer and output.confidence",
                        "output:\n  answer: \"Answer: (.+)\"\n  confidence: \"Confidence: ([0-9.]+%?)\"\n"),
                Arguments.of(
                        "Picoschema: optional, description, any, array, object, enum, wildcard",
                        "output:\n  schema:\n    answer: string, the answer\n    note?: string\n    extra: any\n"
                                + "    steps(array, the steps): string\n    detail(object, more):\n"
                                + "      unit: string\n    level(enum, how sure): [LOW, HIGH]\n    (*): string\n"),
                Arguments.of("a namespaced extension key", "acme.owner: team-math\n"),
                Arguments.of(
                        "tools with config.toolChoice and config.parallelToolCalls",
                        "tools:\n  - name: lookup_order\n    description: Look up an order.\n    input:\n"
                                + "      order_id: string\nconfig:\n  toolChoice: required\n  parallelToolCalls: false\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedFrontMatter")
    void everyDocumentedFormRoundTripsByteForByte(String form, String frontMatter) {
        String text = "---\n" + frontMatter + "---\n" + BODY;
        PromptFile parsed = PromptFile.parse("form.prompt", text);

        PromptFile rewritten = parsed.withSections(parsed.sectionText(Role.SYSTEM), parsed.sectionText(Role.USER));

        assertThat(rewritten.text()).as(form).isEqualTo(text);
        assertThat(PromptFile.parse("form.prompt", rewritten.text()).frontMatter())
                .as(form)
                .isEqualTo(parsed.frontMatter());
    }

    @Test
    void theDocumentedExampleRendersItsSectionsWithTheValuesVerbatim() {
        PromptFile example = PromptFile.parse(
                "math-solver.prompt",
                "---\ninput:\n  schema:\n    question: string\n    hint?: string\n---\n"
                        + "{{! rewritten by the tuner }}\n{{role \"system\"}}\nSolve it.\n\n{{role \"user\"}}\n"
                        + "Problem: {{question}}\nHint: {{hint}}\n");

        RenderedPrompt rendered = example.render(Map.of("question", "What is {{2}} + \"2\"?"));

        assertThat(rendered.system()).isEqualTo("Solve it.");
        assertThat(rendered.user()).isEqualTo("Problem: What is {{2}} + \"2\"?\nHint:");
    }

    @Test
    void seededRandomSectionsComeBackExactlyAfterParseWriteParse() {
        SplittableRandom random = new SplittableRandom(20261207L);
        for (int run = 0; run < 500; run++) {
            String frontMatter = (String)
                    documentedFrontMatter().toList().get(random.nextInt(13)).get()[1];
            PromptFile seed = PromptFile.parse("seed.prompt", "---\n" + frontMatter + "---\n" + BODY);
            String system = section(random, false);
            String user = section(random, true);

            PromptFile rewritten = seed.withSections(system, user);
            PromptFile reread = PromptFile.parse("seed.prompt", rewritten.text());

            assertThat(reread.sectionText(Role.SYSTEM)).as("run %d", run).isEqualTo(system);
            assertThat(reread.sectionText(Role.USER)).as("run %d", run).isEqualTo(user);
            assertThat(reread.frontMatter()).as("run %d", run).isEqualTo(seed.frontMatter());
            assertThat(reread.placeholders()).as("run %d", run).containsExactly("question");
        }
    }

    /**
     * A random section of up to eight lines of the text a model writes: words, punctuation, quotes, single braces,
     * unicode, inner blank lines; the user section keeps its one placeholder.
     */
    private static String section(SplittableRandom random, boolean withPlaceholder) {
        String[] pieces = {
            "Solve",
            "the problem",
            "step by step.",
            "\"quoted\"",
            "{single}",
            "}",
            "{",
            "50%",
            "naïve",
            "日本語",
            "emoji 🙂",
            "a\\b",
            "JSON: {\"answer\": 18}",
            "- item",
            "#",
            "tab\there",
            "x < y && y > z"
        };
        List<String> lines = new ArrayList<>();
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder();
            int words = random.nextInt(6);
            for (int w = 0; w < words; w++) {
                line.append(w == 0 ? "" : " ").append(pieces[random.nextInt(pieces.length)]);
            }
            lines.add(line.toString());
        }
        if (withPlaceholder) {
            lines.add(random.nextInt(lines.size() + 1), "Problem: {{question}}");
        }
        // Sections are stored without leading or trailing blank lines; inner ones stay.
        String text = String.join("\n", lines).strip();
        return text.isEmpty() ? "Answer." : text;
    }
}
