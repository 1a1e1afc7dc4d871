package dev.rpt.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PromptOutputTests {

    private static PromptFile prompt(String output) {
        return PromptFile.parse("prompts/x.prompt", "---\n" + output + "---\nQ: {{question}}\n");
    }

    @Test
    void aPromptDeclaresTextJsonOrNothing() {
        assertThat(prompt("model: m\n").frontMatter().output()).isEqualTo(PromptOutput.UNDECLARED);
        assertThat(prompt("output:\n  format: text\n").frontMatter().output().format())
                .isEqualTo(PromptOutput.Format.TEXT);
        PromptOutput json =
                prompt("output:\n  schema:\n    answer: string\n").frontMatter().output();
        assertThat(json.format()).isEqualTo(PromptOutput.Format.JSON);
        assertThat(json.schema()).isPresent();
        // An answer pattern alone means text.
        assertThat(prompt("output:\n  answer: 'answer is (\\d+)'\n")
                        .frontMatter()
                        .output()
                        .format())
                .isEqualTo(PromptOutput.Format.TEXT);
    }

    @Test
    void theRenderedPromptCarriesItsOutputAndATextPromptNoResponseFormat() {
        RenderedPrompt rendered = prompt("output:\n  format: text\n").render(Map.of("question", "2+2?"));

        assertThat(rendered.output().format()).isEqualTo(PromptOutput.Format.TEXT);
        assertThat(rendered.responseFormat()).isEmpty();
        assertThat(rendered.toRequestBuilder().build().responseFormat()).isNull();
    }

    @Test
    void theAnswerIsTheFirstMatchOfTheDeclaredGroupAndTheWholeReplyWithoutOne() {
        PromptOutput cot = prompt("output:\n  format: text\n  answer: '[tT]he answer is (.*?)\\.'\n"
                        + "  confidence: 'Confidence: (\\S+)'\n")
                .frontMatter()
                .output();

        assertThat(cot.extract("Step one. So the answer is (E). Confidence: 80%"))
                .isEqualTo(new PromptOutput.Extracted(Optional.of("(E)"), OptionalDouble.of(0.8)));
        assertThat(cot.extract("At first the answer is 7. Then the answer is 8.")
                        .answer())
                .contains("7");
        assertThat(cot.extract("So the answer is (E)").answer()).isEmpty();
        assertThat(cot.extract("So the answer is -16. Confidence: 1.7"))
                .isEqualTo(new PromptOutput.Extracted(Optional.of("-16"), OptionalDouble.empty()));
        assertThat(prompt("output:\n  format: text\n").frontMatter().output().extract("  Paris \n"))
                .isEqualTo(new PromptOutput.Extracted(Optional.of("Paris"), OptionalDouble.empty()));
    }

    @Test
    void aBadPatternIsOneErrorNamingTheLineAndTheFix() {
        assertThatThrownBy(() -> prompt("output:\n  answer: 'answer (is) (\\d+)'\n"))
                .isInstanceOf(PromptFormatException.class)
                .hasMessageContaining("prompts/x.prompt:3: ")
                .hasMessageContaining("output.answer needs exactly one capturing group")
                .hasMessageContaining("(?:...)");
        assertThatThrownBy(() -> prompt("output:\n  confidence: 'conf ([0-9'\n"))
                .hasMessageContaining("output.confidence is not a valid regular expression");
        assertThatThrownBy(() -> prompt("output:\n  schema:\n    answer: string\n  answer: 'is (.*)'\n"))
                .hasMessageContaining("a JSON reply carries its answer in its `answer` field");
    }
}
