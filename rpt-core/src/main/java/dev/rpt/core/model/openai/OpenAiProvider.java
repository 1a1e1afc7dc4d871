package dev.rpt.core.model.openai;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.BatchApi;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatModelProvider;
import dev.rpt.core.model.EmbeddingModel;
import dev.rpt.core.model.ModelSettings;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The {@code openai} provider: OpenAI's Chat Completions API and every server that speaks it, reached through
 * {@code rpt.base-url} (default {@code https://api.openai.com/v1}). The API key is read once, when a model is
 * created; it is sent as {@code Authorization: Bearer}, or as {@code api-key} for Azure, or not at all with
 * {@code rpt.api-key-env=none}.
 */
@API(status = INTERNAL, since = "0.1")
public final class OpenAiProvider implements ChatModelProvider {

    /** The provider id, as configured in {@code rpt.provider}. */
    public static final String ID = "openai";

    /** For {@link java.util.ServiceLoader}. */
    public OpenAiProvider() {}

    @Override
    public String id() {
        return ID;
    }

    /** Creates a chat model with {@link OpenAiOptions#DEFAULTS}. */
    @Override
    public ChatModel create(ModelSettings settings, UnaryOperator<String> environment) {
        return create(settings, OpenAiOptions.DEFAULTS, environment);
    }

    /** Creates a chat model with the {@code rpt.openai.*} options of {@code config}. */
    @Override
    public ChatModel create(ModelSettings settings, RptConfig config, UnaryOperator<String> environment) {
        return create(settings, OpenAiOptions.from(config), environment);
    }

    /**
     * Creates a chat model with provider-specific options.
     *
     * @param settings what to reach
     * @param options the {@code rpt.openai.*} settings, see {@link OpenAiOptions#from}
     * @param environment looks up environment variables, for the API key
     * @throws dev.rpt.core.config.ConfigException when the base URL, a header or the key is unusable
     */
    public ChatModel create(ModelSettings settings, OpenAiOptions options, UnaryOperator<String> environment) {
        Objects.requireNonNull(options, "options");
        return new OpenAiChatModel(
                ID,
                settings.model(),
                WireApi.chatCompletions(settings.model(), options),
                OpenAiTransport.create(settings, environment));
    }

    /**
     * OpenAI's Batch API on the configured server, with the chat model's key, headers and options; on an Azure OpenAI
     * resource ({@code *.azure.com}, or {@code rpt.auth-header=api-key}) its variant, whose batch lines name {@code /chat/completions}. An Azure
     * deployment's URL ({@code .../openai/deployments/<name>}) has no batches under it: they live under the resource's
     * v1 URL, which the error names.
     */
    @Override
    public Optional<BatchApi> batchApi(ModelSettings settings, RptConfig config, UnaryOperator<String> environment) {
        return Optional.of(
                batchApi(settings, WireApi.chatCompletions(settings.model(), OpenAiOptions.from(config)), environment));
    }

    /**
     * OpenAI's Batch API for a wire, shared with {@link OpenAiResponsesProvider}: on an Azure OpenAI resource ({@code
     * *.azure.com}, or {@code rpt.auth-header=api-key}) its variant, whose lines name the path without the version.
     */
    static BatchApi batchApi(ModelSettings settings, WireApi wire, UnaryOperator<String> environment) {
        OpenAiTransport transport = OpenAiTransport.create(settings, environment);
        URI base = URI.create(settings.baseUrl().orElse("https://api.openai.com/v1"));
        // Azure by its host, or by its key header (a resource behind a proxy or a private endpoint has another host).
        boolean azure = base.getHost() != null
                        && base.getHost().toLowerCase(Locale.ROOT).endsWith(".azure.com")
                || settings.authHeader().equals("api-key");
        Optional<String> unsupported = azure && base.getPath().contains("/deployments/")
                ? Optional.of("Azure OpenAI's Batch API is not under a deployment's URL (" + base.getPath()
                        + "); set rpt.base-url to the resource's v1 URL, https://" + base.getHost()
                        + "/openai/v1, and rpt.model to the name of a Global Batch deployment")
                : Optional.empty();
        return new OpenAiBatchApi(wire, transport, azure, unsupported);
    }

    /**
     * Creates an embedding model on the same server, with the same authentication and headers, as {@code settings}.
     *
     * @param settings what to reach; its chat model name is not used
     * @param embeddingModel the embedding model's name, e.g. {@code text-embedding-3-small} or {@code nomic-embed-text}
     * @param environment looks up environment variables, for the API key
     * @throws dev.rpt.core.config.ConfigException when the base URL, a header or the key is unusable
     */
    public EmbeddingModel createEmbeddings(
            ModelSettings settings, String embeddingModel, UnaryOperator<String> environment) {
        Objects.requireNonNull(embeddingModel, "embeddingModel");
        return new OpenAiEmbeddingModel(embeddingModel, OpenAiTransport.create(settings, environment));
    }

    @Override
    public String toString() {
        return "OpenAiProvider[" + ID + "]";
    }
}
