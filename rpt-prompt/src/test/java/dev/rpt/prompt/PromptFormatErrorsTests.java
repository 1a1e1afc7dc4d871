package dev.rpt.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptFormatErrorsTests {

    private static PromptFormatException parseError(String text) {
        return catchThrowableOfType(PromptFormatException.class, () -> PromptFile.parse("p/x.prompt", text));
    }

    @Test
    void badYamlNamesTheFileLineCountingTheOpeningFence() {
        PromptFormatException error = parseError("---\nmodel: m\nconfig:\n  temperature: 0\n  seed: : 3\n---\nhi\n");

        assertThat(error.line()).isEqualTo(5);
        assertThat(error.sourceName()).isEqualTo("p/x.prompt");
        assertThat(error.getMessage())
                .startsWith("p/x.prompt:5: invalid YAML in the front matter: mapping values are not allowed here")
                .doesNotContain("in 'reader'");
    }

    @Test
    void duplicateKeysAreBadYaml() {
        PromptFormatException error = parseError("---\nmodel: a\nmodel: b\n---\nhi\n");

        assertThat(error.getMessage()).startsWith("p/x.prompt:3: invalid YAML").contains("Duplicate field 'model'");
    }

    @Test
    void unterminatedFrontMatterIsOneErrorAtLineOne() {
        PromptFormatException error = parseError("---\nmodel: m\n{{role \"user\"}}\nhi\n");

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.getMessage()).contains("never closed").contains("`---`");
    }

    @Test
    void unknownFrontMatterKeyNamesKeyAndLine() {
        PromptFormatException error = parseError("---\nmodel: m\nfunctions: [a]\n---\nhi\n");

        assertThat(error.getMessage())
                .startsWith("p/x.prompt:3: unknown front-matter key `functions`")
                .contains("model, config, input, output, tools")
                .contains("myteam.functions");
    }

    @Test
    void unknownConfigKeyNamesTheDottedKey() {
        PromptFormatException error = parseError("---\nconfig:\n  temperature: 1\n  topK: 3\n---\nhi\n");

        assertThat(error.getMessage()).startsWith("p/x.prompt:4: unknown front-matter key `config.topK`");
    }

    @Test
    void outOfRangeParameterNamesKeyAndLine() {
        PromptFormatException error = parseError("---\nconfig:\n  temperature: 3\n---\nhi\n");

        assertThat(error.getMessage())
                .isEqualTo("p/x.prompt:3: config.temperature must be a number in [0, 2], got `3`");
    }

    @Test
    void unknownPicoschemaTypeNamesTheField() {
        PromptFormatException error = parseError("---\noutput:\n  schema:\n    answer: text\n---\nhi\n");

        assertThat(error.getMessage()).startsWith("p/x.prompt:4: output.schema.answer: unknown Picoschema type `text`");
    }

    @Test
    void unknownPlaceholderNamesVariableAndFileLine() {
        PromptFormatException error = parseError(
                "---\ninput:\n  schema:\n    question: string\n---\n{{role \"user\"}}\n{{question}}\n{{qestion}}\n");

        assertThat(error.line()).isEqualTo(8);
        assertThat(error.getMessage())
                .contains("unknown variable {{qestion}} at p/x.prompt:8")
                .contains("declares only: question");
    }

    @Test
    void unknownHandlebarsConstructNamesItAndItsLine() {
        PromptFormatException error = parseError("{{role \"user\"}}\nHello\n{{#if name}}Hi {{name}}{{/if}}\n");

        assertThat(error.getMessage())
                .startsWith("p/x.prompt:3: unsupported template construct `{{#if name}}`")
                .contains("{{variable}}");
    }

    @Test
    void tripleStashIsRejectedWithAHint() {
        PromptFormatException error = parseError("Say {{{name}}}\n");

        assertThat(error.getMessage()).contains("`{{{name}}}`").contains("never HTML-escapes");
    }

    @Test
    void unclosedTagsAndCommentsAreErrors() {
        assertThat(parseError("a\nb {{name\n").getMessage()).startsWith("p/x.prompt:2: `{{` is never closed");
        assertThat(parseError("a\n{{!-- note }}\n").getMessage()).startsWith("p/x.prompt:2: comment {{!-- is never");
    }

    @Test
    void unsupportedRolesAndDuplicateMarkersAreErrors() {
        assertThat(parseError("{{role \"model\"}}\nx\n").getMessage()).startsWith("p/x.prompt:1: role \"model\"");
        assertThat(parseError("{{role \"user\"}}\nx\n{{role \"user\"}}\ny\n").getMessage())
                .startsWith("p/x.prompt:3: second {{role \"user\"}} marker (the first is at line 1)");
    }

    @Test
    void textBeforeMarkersClashesWithAUserMarker() {
        PromptFormatException error = parseError("stray\n{{role \"system\"}}\ns\n{{role \"user\"}}\nu\n");

        assertThat(error.line()).isEqualTo(1);
        assertThat(error.getMessage()).contains("marker at line 4");
    }

    @Test
    void oneMissingVariableNamesItAndItsLine() {
        PromptFile prompt = PromptFile.parse("p/x.prompt", "{{role \"user\"}}\nQ: {{question}}\n");

        MissingVariablesException error =
                catchThrowableOfType(MissingVariablesException.class, () -> prompt.render(Map.of("other", "v")));

        assertThat(error.getMessage()).startsWith("No value for variable question (used at p/x.prompt:2).");
        assertThat(error.missing()).isEqualTo(Map.of("question", List.of(2)));
    }

    @Test
    void severalMissingVariablesAreOneErrorListingAllWithTheirLines() {
        PromptFile prompt = PromptFile.parse(
                "p/x.prompt",
                "---\ninput:\n  schema:\n    a: string\n    b: string\n    c?: string\n---\n"
                        + "{{role \"system\"}}\n{{a}}\n{{role \"user\"}}\n{{b}} {{c}}\n{{a}}\n");

        MissingVariablesException error = catchThrowableOfType(
                MissingVariablesException.class, () -> prompt.render(java.util.Collections.singletonMap("b", null)));

        assertThat(error.getMessage())
                .startsWith("No values for variables a (used at p/x.prompt:9, p/x.prompt:12), b (used at"
                        + " p/x.prompt:11).");
        assertThat(error.missing()).containsOnlyKeys("a", "b");
    }
}
