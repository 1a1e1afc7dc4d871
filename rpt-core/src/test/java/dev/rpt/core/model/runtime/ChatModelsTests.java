package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatModelProvider;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ReplayMissException;
import dev.rpt.core.model.ServerErrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.ServiceConfigurationError;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatModelsTests {

    private static final String FAKE_KEY = "fake-key-7f3a9c-DO-NOT-LEAK";
    private static final String FAKE_HEADER_SECRET = "hdr-FAKE-91b2-DO-NOT-LEAK";
    private static final UnaryOperator<String> ENV = Map.of("OPENAI_API_KEY", FAKE_KEY)::get;
    private static final ChatRequest REQUEST =
            ChatRequest.builder().user("2+2?").build();

    @TempDir
    Path cacheDir;

    private final FakeTime time = new FakeTime();
    private final UsageLedger ledger = new UsageLedger(PriceTable.EMPTY);
    private final ConcurrencyLimiter limiter = new ConcurrencyLimiter(4);

    /** A model name no other test uses, to find the model the provider created. */
    private final String model = "m-" + UUID.randomUUID();

    private Map<String, String> config(String... keysAndValues) {
        Map<String, String> values = new HashMap<>();
        values.put("rpt.provider", "fake");
        values.put("rpt.model", model);
        values.put("rpt.cache.dir", cacheDir.toString());
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    private ChatModel compose(List<ChatModelProvider> providers, Map<String, String> values) {
        return new ChatModels(providers, time, time, new FixedRandom(0), Path.of("/nonexistent-home"))
                .compose(RptConfig.of(values), ENV, ledger, limiter);
    }

    private ChatModel compose(Map<String, String> values) {
        return compose(List.of(new FakeChatModelProvider()), values);
    }

    private List<Path> cacheFiles() throws IOException {
        try (Stream<Path> files = Files.walk(cacheDir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void findsTheProviderThroughServiceLoaderAndComposesTheRuntime() {
        ChatModel chat = ChatModels.create(RptConfig.of(config()), ENV, ledger, limiter);

        ChatResponse first = chat.chat(REQUEST);
        ChatResponse second = chat.chat(REQUEST);

        ScriptedChatModel created = FakeChatModelProvider.created(model);
        assertThat(first.text()).isEqualTo("echo: 2+2? (authenticated)");
        assertThat(second.cached()).isTrue();
        assertThat(created.calls()).isEqualTo(1);
        assertThat(chat.info().model()).isEqualTo(model);
        UsageSnapshot usage = ledger.snapshot();
        assertThat(usage.calls()).isEqualTo(2);
        assertThat(usage.cachedCalls()).isEqualTo(1);
        assertThat(usage.costUsd()).isEmpty();
        assertThat(usage.unpricedModels()).containsExactly(model);

        chat.close();
        assertThat(created.closed()).isTrue();
    }

    @Test
    void passesTheModelSettingsToTheProvider() {
        compose(config("rpt.timeout", "90s", "rpt.headers.X-Team", "evals"));

        assertThat(FakeChatModelProvider.settings(model).timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(FakeChatModelProvider.settings(model).headers()).containsEntry("X-Team", "evals");
    }

    @Test
    void anUnknownProviderListsTheKnownOnes() {
        assertThatThrownBy(() -> compose(config("rpt.provider", "openia")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.provider")
                .hasMessageContaining("'openia'")
                .hasMessageContaining("openai, openai-responses, anthropic, sim, fake");
    }

    @Test
    void aMissingProviderListsTheKnownOnes() {
        Map<String, String> values = config();
        values.remove("rpt.provider");

        assertThatThrownBy(() -> compose(values))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.provider is not set")
                .hasMessageContaining("openai, openai-responses, anthropic, sim, fake");
    }

    @Test
    void aKnownProviderMissingFromTheClasspathNamesTheArtifact() {
        assertThatThrownBy(() -> compose(List.of(), config("rpt.provider", "anthropic")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.provider=anthropic")
                .hasMessageContaining("not on the classpath")
                .hasMessageContaining("Add dev.rpt:rpt-core")
                .hasMessageContaining("Providers found: none");
    }

    @Test
    void twoProvidersWithOneIdAreAnError() {
        assertThatThrownBy(() -> compose(List.of(new FakeChatModelProvider(), new FakeChatModelProvider()), config()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'fake'")
                .hasMessageContaining(FakeChatModelProvider.class.getName());
    }

    @Test
    void aProviderThatCannotBeLoadedIsAConfigurationError() {
        Iterable<ChatModelProvider> broken = () -> {
            throw new ServiceConfigurationError("com.acme.Provider: Provider com.acme.Provider not found");
        };
        ChatModels models = new ChatModels(broken, time, time, new FixedRandom(0), Path.of("/nowhere"));

        assertThatThrownBy(() -> models.compose(RptConfig.of(config()), ENV, ledger, limiter))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("com.acme.Provider")
                .hasMessageContaining("META-INF/services/dev.rpt.core.model.ChatModelProvider");
    }

    @Test
    void anInvalidRuntimeKeyFailsBeforeTheProviderCreatesAClient() {
        assertThatThrownBy(() -> compose(config("rpt.retry.max-attempts", "zero")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.retry.max-attempts");
        assertThatThrownBy(() -> compose(config("rpt.cache", "sometimes")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.cache");
        assertThat(FakeChatModelProvider.created(model)).isNull();
    }

    @Test
    void retriesFollowTheRetryKeysInsideTheConcurrencyLimit() {
        ChatModel chat = compose(config("rpt.retry.max-attempts", "2", "rpt.retry.initial-backoff", "250ms"));
        ScriptedChatModel created = FakeChatModelProvider.created(model);
        created.thenFail(new ServerErrorException(503, "overloaded", null))
                .thenFail(new ServerErrorException(503, "overloaded", null))
                .onCall(() -> assertThat(limiter.inFlight()).isEqualTo(1));

        assertThatThrownBy(() -> chat.chat(REQUEST))
                .isInstanceOf(ServerErrorException.class)
                .hasMessageContaining("gave up after 2 attempts");

        assertThat(created.calls()).isEqualTo(2);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(250));
        assertThat(ledger.snapshot().errors()).isEqualTo(1);
        assertThat(ledger.snapshot().calls()).isEqualTo(1);
        assertThat(cacheDir).isEmptyDirectory();
    }

    @Test
    void cacheOffWritesNothing() throws IOException {
        ChatModel chat = compose(config("rpt.cache", "off"));

        chat.chat(REQUEST);
        chat.chat(REQUEST);

        assertThat(FakeChatModelProvider.created(model).calls()).isEqualTo(2);
        assertThat(cacheFiles()).isEmpty();
    }

    @Test
    void replayOnlyMissesAreMeteredAsErrors() {
        ChatModel chat = compose(config("rpt.cache", "replay-only"));

        assertThatThrownBy(() -> chat.chat(REQUEST)).isInstanceOf(ReplayMissException.class);

        assertThat(FakeChatModelProvider.created(model).calls()).isZero();
        assertThat(ledger.snapshot().errors()).isEqualTo(1);
    }

    @Test
    void theSimulatorIsNotCachedAndIsFree() throws IOException {
        String simulated = "simulated-" + UUID.randomUUID();
        ChatModel chat = compose(config("rpt.model", simulated));

        chat.chat(REQUEST);
        chat.chat(REQUEST);

        assertThat(FakeChatModelProvider.created(simulated).calls()).isEqualTo(2);
        assertThat(cacheFiles()).isEmpty();
        assertThat(ledger.snapshot().costUsd()).isEqualTo(OptionalDouble.of(0));
    }

    @Test
    void pricesComeFromTheLedgerBuiltFromTheSameConfiguration() {
        Map<String, String> values = config("rpt.price." + model, "1000000,0");
        UsageLedger priced = UsageLedger.from(RptConfig.of(values));
        ChatModel chat = new ChatModels(
                        List.of(new FakeChatModelProvider()), time, time, new FixedRandom(0), Path.of("/nowhere"))
                .compose(RptConfig.of(values), ENV, priced, limiter);

        chat.chat(REQUEST);

        // The fake reports 10 prompt tokens; at 1,000,000 USD per million that is 10 USD.
        assertThat(priced.snapshot().costUsd()).isEqualTo(OptionalDouble.of(10.0));
    }

    @Test
    void noSecretReachesTheCache() throws IOException {
        ChatModel chat = compose(config("rpt.headers.X-Secret-Test", FAKE_HEADER_SECRET));

        chat.chat(REQUEST);
        chat.chat(ChatRequest.builder().user("another").sampleIndex(3).build());

        List<Path> files = cacheFiles();
        assertThat(files).hasSize(3).anyMatch(file -> file.endsWith(ResponseCache.FORMAT_FILE));
        for (Path file : files) {
            assertThat(Files.readString(file))
                    .doesNotContain(FAKE_KEY, FAKE_HEADER_SECRET, "OPENAI_API_KEY", "X-Secret-Test");
        }
        assertThat(files.stream().filter(file -> !file.endsWith(ResponseCache.FORMAT_FILE)))
                .allSatisfy(entry -> assertThat(Files.readString(entry)).contains("echo: "));
    }

    @Test
    void temperatureNoneLeavesTheFieldOutOfEveryRequest() {
        ChatModel chat = compose(Map.of(
                "rpt.provider", "fake", "rpt.model", "no-temperature", "rpt.temperature", "none", "rpt.cache", "off"));

        chat.chat(ChatRequest.builder().user("hello").temperature(0.0).build());

        assertThat(FakeChatModelProvider.created("no-temperature").requests())
                .singleElement()
                .satisfies(sent -> assertThat(sent.temperature()).isNull());
    }
}
