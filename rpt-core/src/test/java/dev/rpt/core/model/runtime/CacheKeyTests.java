package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.chat.ToolChoice;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.files.Sha256;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ModelSettings;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CacheKeyTests {

    private static final ModelInfo MODEL = new ModelInfo("openai", "gpt-4.1-mini", false);
    private static final ToolDefinition TOOL = new ToolDefinition(
            "lookup", "Looks a word up", new JsonSchema("{\"type\":\"object\",\"properties\":{}}"), true);

    private static final ChatMessage SYSTEM = ChatMessage.system("Answer in JSON.");
    private static final ChatMessage USER = ChatMessage.user("What is 2+2?");
    private static final ChatMessage CALL =
            ChatMessage.assistant(null, List.of(new ToolCall("call_1", "lookup", "{\"w\":\"x\"}")));
    private static final ChatMessage RESULT = ChatMessage.toolResult("call_1", "four");

    private static ChatRequest.Builder base() {
        return withMessages(SYSTEM, USER, CALL, RESULT);
    }

    private static ChatRequest.Builder withMessages(ChatMessage... messages) {
        return ChatRequest.builder()
                .messages(List.of(messages))
                .tools(List.of(TOOL))
                .toolChoice(ToolChoice.AUTO)
                .responseFormat(new ResponseFormat("answer", new JsonSchema("{\"type\":\"object\"}"), true))
                .temperature(0.0)
                .maxTokens(256)
                .seed(7L)
                .logprobs(true, 3)
                .sampleIndex(0);
    }

    @Test
    void theSameRequestAlwaysHasTheSameHexKey() {
        String key = CacheKey.of(CacheEndpoint.of(MODEL), base().build());

        assertThat(key).matches("[0-9a-f]{64}").isEqualTo(CacheKey.of(CacheEndpoint.of(MODEL), base().build()));
        assertThat(key).isEqualTo(Sha256.hex(CacheKey.canonicalJson(CacheEndpoint.of(MODEL), base().build())));
    }

    @Test
    void sha256MatchesAKnownVector() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void canonicalJsonHasAFixedFieldOrderAndTheFormatVersion() {
        String json = CacheKey.canonicalJson(CacheEndpoint.of(MODEL), base().build());

        assertThat(json)
                .startsWith(
                        "{\"format\":2,\"provider\":\"openai\",\"model\":\"gpt-4.1-mini\",\"baseUrl\":\"default\",\"headers\":{},\"settings\":{},\"messages\":[")
                .containsSubsequence(
                        "\"messages\"",
                        "\"tools\"",
                        "\"toolChoice\"",
                        "\"responseFormat\"",
                        "\"temperature\"",
                        "\"maxTokens\"",
                        "\"seed\"",
                        "\"logprobs\"",
                        "\"topLogprobs\"",
                        "\"sampleIndex\":0}");
    }

    @Test
    void schemaKeyOrderDoesNotChangeTheKey() {
        ChatRequest one = base().responseFormat(new ResponseFormat(
                        "answer",
                        new JsonSchema("{\"type\":\"object\",\"properties\":{\"b\":{},\"a\":{\"x\":1,\"w\":2}}}"),
                        true))
                .build();
        ChatRequest other = base().responseFormat(new ResponseFormat(
                        "answer",
                        new JsonSchema(
                                "{ \"properties\": {\"a\": {\"w\": 2, \"x\": 1}, \"b\": {}}, \"type\": \"object\" }"),
                        true))
                .build();

        assertThat(CacheKey.of(CacheEndpoint.of(MODEL), one)).isEqualTo(CacheKey.of(CacheEndpoint.of(MODEL), other));
    }

    @Test
    void theSettingsThatChangeTheReplyOutsideTheRequestJoinTheKeyOfTheConfiguredEndpoint() {
        // Before this test the configured endpoint never carried them: a changed rpt.reasoning-effort was answered
        // from the cache with the old effort's answers.
        Map<String, String> base =
                Map.of("rpt.provider", "openai", "rpt.model", MODEL.model(), "rpt.api-key-env", "none");
        String plain = configuredKey(base);
        Set<String> keys = new HashSet<>();
        keys.add(plain);
        for (Map.Entry<String, String> setting : Map.of(
                        "rpt.reasoning-effort", "high",
                        "rpt.anthropic.thinking", "adaptive",
                        "rpt.anthropic.thinking-budget", "4000",
                        "rpt.anthropic.structured-output", "tool",
                        "rpt.anthropic.strict-tools", "false")
                .entrySet()) {
            Map<String, String> with = new java.util.HashMap<>(base);
            with.put(setting.getKey(), setting.getValue());
            assertThat(keys.add(configuredKey(with))).as(setting.getKey()).isTrue();
        }
        assertThat(configuredKey(base))
                .as("unset settings leave the key as it was")
                .isEqualTo(plain);
    }

    private static String configuredKey(Map<String, String> settings) {
        RptConfig config = RptConfig.of(settings);
        return CacheKey.of(CacheEndpoint.of(ModelSettings.from(config), MODEL, config), base().build());
    }

    @Test
    void everyPartOfTheRequestChangesTheKey() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("base", CacheKey.of(CacheEndpoint.of(MODEL), base().build()));
        keys.put(
                "provider",
                CacheKey.of(CacheEndpoint.of(new ModelInfo("anthropic", "gpt-4.1-mini", false)), base().build()));
        keys.put("model", CacheKey.of(CacheEndpoint.of(new ModelInfo("openai", "gpt-4.1", false)), base().build()));
        keys.put(
                "base URL",
                CacheKey.of(
                        new CacheEndpoint("openai", MODEL.model(), "http://localhost:11434/v1", new TreeMap<>()),
                        base().build()));
        keys.put(
                "reasoning effort",
                CacheKey.of(
                        new CacheEndpoint(
                                "openai",
                                MODEL.model(),
                                "default",
                                new TreeMap<>(),
                                new TreeMap<>(Map.of("reasoningEffort", "high"))),
                        base().build()));
        keys.put(
                "declared header",
                CacheKey.of(
                        new CacheEndpoint(
                                "openai", MODEL.model(), "default", new TreeMap<>(Map.of("x-deployment", "b"))),
                        base().build()));
        keys.put("content", key(withMessages(SYSTEM, ChatMessage.user("What is 3+3?"), CALL, RESULT)));
        keys.put("role", key(withMessages(SYSTEM, ChatMessage.assistant("What is 2+2?"), CALL, RESULT)));
        keys.put("message order", key(withMessages(USER, SYSTEM, CALL, RESULT)));
        keys.put(
                "tool call arguments",
                key(withMessages(
                        SYSTEM,
                        USER,
                        ChatMessage.assistant(null, List.of(new ToolCall("call_1", "lookup", "{\"w\":\"y\"}"))),
                        RESULT)));
        keys.put(
                "assistant text", key(withMessages(SYSTEM, USER, ChatMessage.assistant("", CALL.toolCalls()), RESULT)));
        keys.put("tool call id", key(withMessages(SYSTEM, USER, CALL, ChatMessage.toolResult("call_2", "four"))));
        keys.put("tool error", key(withMessages(SYSTEM, USER, CALL, ChatMessage.toolError("call_1", "four"))));
        keys.put(
                "tools",
                key(base().tools(List.of(new ToolDefinition("lookup", "Looks a word up", TOOL.parameters(), false)))));
        keys.put("tool choice", key(base().toolChoice(ToolChoice.function("lookup"))));
        keys.put("no tool choice", key(base().toolChoice(null)));
        keys.put(
                "response format name",
                key(base().responseFormat(new ResponseFormat("other", new JsonSchema("{\"type\":\"object\"}"), true))));
        keys.put(
                "response format schema",
                key(base().responseFormat(new ResponseFormat("answer", new JsonSchema("{\"type\":\"array\"}"), true))));
        keys.put(
                "response format strict",
                key(base().responseFormat(
                                new ResponseFormat("answer", new JsonSchema("{\"type\":\"object\"}"), false))));
        keys.put("temperature", key(base().temperature(0.7)));
        keys.put("max tokens", key(base().maxTokens(257)));
        keys.put("seed", key(base().seed(8L)));
        keys.put("top logprobs", key(base().logprobs(true, 4)));
        keys.put("no logprobs", key(base().logprobs(false, 0)));
        keys.put("sample index", key(base().sampleIndex(1)));

        Set<String> distinct = new HashSet<>(keys.values());
        assertThat(distinct).as("every variant has its own key: %s", keys).hasSize(keys.size());
    }

    @Test
    void aSchemaThatIsNotJsonStillHasAStableKey() {
        ChatRequest broken = base().responseFormat(new ResponseFormat("answer", new JsonSchema("{not json"), true))
                .build();
        ChatRequest trailing = base().responseFormat(
                        new ResponseFormat("answer", new JsonSchema("{\"type\":\"object\"} trailing"), true))
                .build();

        assertThat(CacheKey.of(CacheEndpoint.of(MODEL), broken))
                .isEqualTo(CacheKey.of(CacheEndpoint.of(MODEL), broken));
        assertThat(CacheKey.of(CacheEndpoint.of(MODEL), trailing))
                .isNotEqualTo(CacheKey.of(CacheEndpoint.of(MODEL), base().build()));
    }

    private static String key(ChatRequest.Builder builder) {
        return CacheKey.of(CacheEndpoint.of(MODEL), builder.build());
    }

    @Test
    void theEndpointIsInTheKeyButOnlyDeclaredHeadersAndNeverTheKeysHeader() {
        RptConfig config = RptConfig.of(Map.of(
                "rpt.provider", "openai",
                "rpt.model", "llama3",
                "rpt.base-url", "http://gpu-a:8000/v1/",
                "rpt.headers.X-Deployment", "blue",
                "rpt.headers.X-Trace", "run-17",
                "rpt.cache.key-headers", "x-deployment"));
        ModelSettings settings = ModelSettings.from(config);
        ModelInfo info = new ModelInfo("openai", "llama3", false);

        CacheEndpoint endpoint = CacheEndpoint.of(settings, info, config);

        assertThat(endpoint.baseUrl()).isEqualTo("http://gpu-a:8000/v1");
        assertThat(endpoint.headers()).containsExactly(Map.entry("x-deployment", "blue"));
        RptConfig otherServer = RptConfig.of(
                Map.of("rpt.provider", "openai", "rpt.model", "llama3", "rpt.base-url", "http://gpu-b:8000/v1"));
        assertThat(CacheKey.of(CacheEndpoint.of(ModelSettings.from(otherServer), info, otherServer), base().build()))
                .isNotEqualTo(CacheKey.of(endpoint, base().build()));
        RptConfig secret = RptConfig.of(
                Map.of("rpt.provider", "openai", "rpt.model", "llama3", "rpt.cache.key-headers", "Authorization"));
        assertThatThrownBy(() -> CacheEndpoint.of(ModelSettings.from(secret), info, secret))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.cache.key-headers names Authorization, the header that carries the API key");
    }
}
