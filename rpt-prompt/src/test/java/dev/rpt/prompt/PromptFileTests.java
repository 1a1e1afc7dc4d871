package dev.rpt.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromptFileTests {

    static Path fixture() {
        try {
            return Path.of(PromptFileTests.class
                    .getResource("/prompts/math-solver.prompt")
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void parsesTheFrontMatterOfTheFixture() throws Exception {
        PromptFile prompt = PromptFile.parse(fixture());

        PromptFrontMatter frontMatter = prompt.frontMatter();
        assertThat(frontMatter.model()).contains("gpt-4.1-mini");
        assertThat(frontMatter.parameters()).isEqualTo(new PromptParameters(0.0, 512, 7L, true, 5));
        assertThat(frontMatter.variables())
                .contains(List.of(
                        new PromptVariable("question", true, Optional.of("the word problem to solve")),
                        new PromptVariable("hint", false, Optional.of("an optional nudge"))));
        assertThat(prompt.placeholders()).containsExactly("question", "hint");
        assertThat(prompt.hasSystemSection()).isTrue();
    }

    @Test
    void convertsThePicoschemaOutputToAStrictJsonSchema() throws Exception {
        PromptFile prompt = PromptFile.parse(fixture());

        JsonNode schema = new ObjectMapper()
                .readTree(prompt.frontMatter().outputSchema().orElseThrow().json());
        assertThat(schema.get("type").asText()).isEqualTo("object");
        assertThat(schema.get("properties").get("confidence").get("type").asText())
                .isEqualTo("number");
        assertThat(schema.get("properties").get("answer").get("description").asText())
                .isEqualTo("the final answer only, e.g. 18");
        assertThat(schema.get("required"))
                .extracting(JsonNode::asText)
                .containsExactly("answer", "confidence", "justification");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    }

    @Test
    void rendersSectionsWithoutCommentsAndWithValuesVerbatim() throws Exception {
        PromptFile prompt = PromptFile.parse(fixture());

        RenderedPrompt rendered = prompt.render(Map.of("question", "Is <b>5 & 7</b> > 11?", "hint", "  add them  "));

        assertThat(rendered.system())
                .isEqualTo("You are a careful math tutor. Solve the problem step by step.\n"
                        + "Reply with JSON: {\"answer\": ..., \"confidence\": ..., \"justification\": ...}.");
        assertThat(rendered.user()).isEqualTo("Problem: Is <b>5 & 7</b> > 11?\nHint:   add them  ");
        assertThat(rendered.user()).doesNotContain("{{", "test case");
        assertThat(rendered.model()).contains("gpt-4.1-mini");
        assertThat(rendered.responseFormat().orElseThrow().name()).isEqualTo("math-solver");
        assertThat(rendered.responseFormat().orElseThrow().strict()).isTrue();
    }

    @Test
    void optionalVariablesWithoutAValueRenderEmpty() throws Exception {
        RenderedPrompt rendered = PromptFile.parse(fixture()).render(Map.of("question", "2+2?"));

        assertThat(rendered.user()).isEqualTo("Problem: 2+2?\nHint:");
    }

    @Test
    void turnsIntoMessagesAndARequest() throws Exception {
        RenderedPrompt rendered = PromptFile.parse(fixture()).render(Map.of("question", 42));

        assertThat(rendered.toMessages())
                .containsExactly(ChatMessage.system(rendered.system()), ChatMessage.user("Problem: 42\nHint:"));
        ChatRequest request = rendered.toRequestBuilder().build();
        assertThat(request.temperature()).isEqualTo(0.0);
        assertThat(request.maxTokens()).isEqualTo(512);
        assertThat(request.seed()).isEqualTo(7L);
        assertThat(request.logprobs()).isTrue();
        assertThat(request.topLogprobs()).isEqualTo(5);
        assertThat(request.responseFormat()).isEqualTo(rendered.responseFormat().orElseThrow());
    }

    @Test
    void textBeforeAnyRoleMarkerIsTheUserSection() {
        PromptFile prompt = PromptFile.parse("plain.prompt", "Translate {{text}} into French.\n");

        RenderedPrompt rendered = prompt.render(Map.of("text", "cheese"));

        assertThat(prompt.hasSystemSection()).isFalse();
        assertThat(rendered.system()).isEmpty();
        assertThat(rendered.toMessages()).containsExactly(ChatMessage.user("Translate cheese into French."));
    }

    @Test
    void textBeforeASystemMarkerIsTheUserSectionToo() {
        PromptFile prompt = PromptFile.parse("p.prompt", "Question: {{q}}\n{{role \"system\"}}\nBe brief.\n");

        RenderedPrompt rendered = prompt.render(Map.of("q", "why?"));

        assertThat(rendered.system()).isEqualTo("Be brief.");
        assertThat(rendered.user()).isEqualTo("Question: why?");
    }

    @Test
    void standaloneCommentLinesVanishAndInlineCommentsLeaveTheirLine() {
        String text = "{{role \"user\"}}\nfirst\n  {{! a note }}\nsecond {{!-- inline }} --}}tail\n"
                + "{{!--\nmulti-line\n--}}\nthird\n";

        RenderedPrompt rendered = PromptFile.parse("c.prompt", text).render(Map.of());

        assertThat(rendered.user()).isEqualTo("first\nsecond tail\nthird");
    }

    @Test
    void crlfFilesRenderWithLfLineBreaks() {
        String text = "---\r\nmodel: m\r\n---\r\n{{role \"system\"}}\r\nOne\r\nTwo\r\n{{role \"user\"}}\r\n{{x}}\r\n";

        RenderedPrompt rendered = PromptFile.parse("crlf.prompt", text).render(Map.of("x", "a\r\nb"));

        assertThat(rendered.system()).isEqualTo("One\nTwo");
        assertThat(rendered.user()).as("values stay verbatim").isEqualTo("a\r\nb");
    }

    @Test
    void acceptsAPlainJsonSchemaForInputAndOutput() {
        String text = "---\ninput:\n  schema:\n    type: object\n    properties:\n      q: {type: string}\n"
                + "      n: {type: integer}\n    required: [q]\n"
                + "output:\n  schema:\n    type: object\n    properties:\n      answer: {type: string}\n---\n"
                + "{{q}} {{n}}\n";

        PromptFile prompt = PromptFile.parse("json.prompt", text);

        assertThat(prompt.frontMatter().variables().orElseThrow())
                .extracting(PromptVariable::name, PromptVariable::required)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("q", true),
                        org.assertj.core.groups.Tuple.tuple("n", false));
        assertThat(prompt.frontMatter().outputSchema().orElseThrow().json())
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"}}}");
        assertThat(prompt.render(Map.of("q", "x")).user()).isEqualTo("x");
    }

    @Test
    void picoschemaSupportsArraysEnumsNestedObjectsAndWildcards() throws Exception {
        String text = "---\noutput:\n  schema:\n    steps(array, the steps): string\n"
                + "    level(enum): [LOW, HIGH]\n    meta?:\n      source: string\n      (*): any\n---\nx\n";

        JsonNode schema = new ObjectMapper()
                .readTree(PromptFile.parse("p.prompt", text)
                        .frontMatter()
                        .outputSchema()
                        .orElseThrow()
                        .json());

        assertThat(schema.at("/properties/steps/type").asText()).isEqualTo("array");
        assertThat(schema.at("/properties/steps/items/type").asText()).isEqualTo("string");
        assertThat(schema.at("/properties/steps/description").asText()).isEqualTo("the steps");
        assertThat(schema.at("/properties/level/enum"))
                .extracting(JsonNode::asText)
                .containsExactly("LOW", "HIGH");
        assertThat(schema.at("/properties/meta/properties/source/type").asText())
                .isEqualTo("string");
        assertThat(schema.at("/properties/meta/additionalProperties").isObject())
                .isTrue();
        assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactly("steps", "level");
    }

    @Test
    void withoutAnInputSchemaAnyPlaceholderIsAcceptedAndRequired() {
        PromptFile prompt = PromptFile.parse("free.prompt", "---\nmodel: m\n---\n{{a}} and {{b}}\n");
        Map<String, Object> values = new HashMap<>();
        values.put("a", "1");
        values.put("b", "2");

        assertThat(prompt.render(values).user()).isEqualTo("1 and 2");
        assertThat(prompt.frontMatter().variables()).isEmpty();
    }

    @Test
    void namespacedExtensionKeysAreAllowed() {
        PromptFile prompt = PromptFile.parse("ext.prompt", "---\nmyteam.owner: alice\nmodel: m\n---\nhi\n");

        assertThat(prompt.frontMatter().model()).contains("m");
    }

    @Test
    void sectionTextIsWhatTheTunerReplaces() throws Exception {
        PromptFile prompt = PromptFile.parse(fixture());

        assertThat(prompt.sectionText(Role.USER)).isEqualTo("Problem: {{question}}\nHint: {{hint}}");
        assertThat(prompt.sectionText(Role.SYSTEM))
                .startsWith("You are a careful")
                .endsWith("...}.");
    }
}
