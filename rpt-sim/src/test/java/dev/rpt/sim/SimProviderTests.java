package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatModelProvider;
import dev.rpt.core.model.ModelSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimProviderTests {

    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;

    private static ChatRequest ask(String question) {
        return ChatRequest.builder().user("Question: " + question).build();
    }

    @Test
    void idIsSim() {
        assertThat(new SimProvider().id()).isEqualTo("sim");
    }

    @Test
    void readsSimKeysFromTheRunConfiguration(@TempDir Path dir) throws IOException {
        Path key = dir.resolve("bbh.jsonl");
        Files.writeString(key, "{\"input\":\"not ( True ) is\",\"target\":\"False\"}\n");
        RptConfig config = RptConfig.of(Map.of(
                "rpt.provider", "sim",
                "rpt.sim.answers", " " + key + " , ",
                "rpt.sim.question-field", "input",
                "rpt.sim.answer-field", "target"));
        ChatModelProvider provider = new SimProvider();

        ChatModel model = provider.create(ModelSettings.from(config), config, NO_ENVIRONMENT);

        assertThat(model.info().simulated()).isTrue();
        assertThat(model.chat(ask("not ( True ) is")).text()).doesNotContain("I don't know");
    }

    @Test
    void neverLooksUpAnApiKey() {
        UnaryOperator<String> forbidden = name -> {
            throw new AssertionError("the simulator read environment variable " + name);
        };
        ModelSettings settings = ModelSettings.of("sim", "sim", null, "OPENAI_API_KEY");

        ChatModel model = new SimProvider().create(settings, RptConfig.of(Map.of()), forbidden);

        assertThat(model.chat(ask("What is 2+2?")).text()).startsWith("Answer: I don't know");
    }

    @Test
    void optionsDefaultToGsm8kFieldsAndNoKey() {
        SimOptions options = SimOptions.from(RptConfig.of(Map.of()));

        assertThat(options).isEqualTo(SimOptions.defaults());
        assertThat(options.questionField()).isEqualTo("question");
        assertThat(options.answerField()).isEqualTo("answer");
        assertThat(options.answers()).isEmpty();
    }

    @Test
    void withoutAKeyEveryAnswerIsIDontKnow() {
        ChatModel model = new SimProvider().create(ModelSettings.of("sim", "sim", null, null), SimOptions.defaults());

        assertThat(model.chat(ask("What is 2+2?")).text()).startsWith("Answer: I don't know");
    }

    @Test
    void readsKeyFilesOncePerProviderInstance(@TempDir Path dir) throws IOException {
        Path key = dir.resolve("key.jsonl");
        Files.writeString(key, "{\"question\":\"What is one plus one?\",\"answer\":\"#### 2\"}\n");
        SimOptions options = SimOptions.ofAnswers(key.toString());
        ModelSettings settings = ModelSettings.of("sim", "sim", null, null);
        SimProvider provider = new SimProvider();
        provider.create(settings, options);

        Files.delete(key);

        ChatModel again = provider.create(settings, options);
        assertThat(again.chat(ask("What is one plus one?")).text()).contains("the answer is");
        assertThatThrownBy(() -> new SimProvider().create(settings, options))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key.toString());
    }

    @Test
    void twoArgumentCreateReadsSystemProperties() {
        System.setProperty("rpt.sim.answers", GsmSample.RESOURCE);
        try {
            ChatModel model = new SimProvider().create(ModelSettings.of("sim", "sim", null, null), NO_ENVIRONMENT);
            String question = GsmSample.rows().get(0).question();

            assertThat(model.chat(ask(question)).text()).doesNotContain("I don't know");
        } finally {
            System.clearProperty("rpt.sim.answers");
        }
    }
}
