package dev.rpt.core.model.openai;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.BatchApi;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatModelProvider;
import dev.rpt.core.model.ModelSettings;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The {@code openai-responses} provider: OpenAI's Responses API ({@code POST {base}/responses}), the only API of some
 * models (the pro and codex families) and the one that takes tools with reasoning on the newest; also served by Azure
 * OpenAI v1, Groq, LM Studio, Ollama, vLLM and Bedrock's OpenAI endpoint. Everything but the wire is the {@code
 * openai} provider's: {@code rpt.base-url} (default {@code https://api.openai.com/v1}), the key and its header,
 * {@code rpt.headers.*}, errors and retries, {@code rpt.reasoning-effort} (sent as {@code reasoning.effort}) and the
 * Batch API (endpoint {@code /v1/responses}). See {@link ResponsesRequestWriter} and {@link ResponsesReader} for the
 * mapping.
 */
@API(status = INTERNAL, since = "0.3")
public final class OpenAiResponsesProvider implements ChatModelProvider {

    /** The provider id, as configured in {@code rpt.provider}. */
    public static final String ID = "openai-responses";

    /** For {@link java.util.ServiceLoader}. */
    public OpenAiResponsesProvider() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChatModel create(ModelSettings settings, UnaryOperator<String> environment) {
        return create(settings, OpenAiOptions.DEFAULTS, environment);
    }

    @Override
    public ChatModel create(ModelSettings settings, RptConfig config, UnaryOperator<String> environment) {
        return create(settings, OpenAiOptions.from(config), environment);
    }

    private static ChatModel create(ModelSettings settings, OpenAiOptions options, UnaryOperator<String> environment) {
        return new OpenAiChatModel(
                ID,
                settings.model(),
                WireApi.responses(settings.model(), options),
                OpenAiTransport.create(settings, environment));
    }

    /** OpenAI's (or Azure's) Batch API with {@code /v1/responses} as its endpoint. */
    @Override
    public Optional<BatchApi> batchApi(ModelSettings settings, RptConfig config, UnaryOperator<String> environment) {
        return Optional.of(OpenAiProvider.batchApi(
                settings, WireApi.responses(settings.model(), OpenAiOptions.from(config)), environment));
    }

    @Override
    public String toString() {
        return "OpenAiResponsesProvider[" + ID + "]";
    }
}
