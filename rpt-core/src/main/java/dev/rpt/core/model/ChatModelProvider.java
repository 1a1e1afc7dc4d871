package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * Creates {@link ChatModel}s for one provider id. Providers register through {@link java.util.ServiceLoader}.
 */
@API(status = INTERNAL, since = "0.1")
public interface ChatModelProvider {

    /** The id users configure in {@code rpt.provider}. */
    String id();

    /**
     * Creates a model client.
     *
     * @param settings what to reach
     * @param environment looks up environment variables, for the API key
     * @throws dev.rpt.core.config.ConfigException when a setting or the key is missing
     */
    ChatModel create(ModelSettings settings, UnaryOperator<String> environment);

    /**
     * Creates a model client that may also read provider-specific keys from the run's configuration, such as the
     * simulator's {@code rpt.sim.*}. Factories call this form; the default ignores {@code config}, so providers that
     * need nothing beyond {@link ModelSettings} implement only {@link #create(ModelSettings, UnaryOperator)}.
     *
     * @param settings what to reach
     * @param config the whole {@code rpt.*} configuration of the run
     * @param environment looks up environment variables, for the API key
     * @throws dev.rpt.core.config.ConfigException when a setting, a provider-specific key or the API key is invalid
     */
    default ChatModel create(ModelSettings settings, RptConfig config, UnaryOperator<String> environment) {
        return create(settings, environment);
    }

    /**
     * The provider's batch API on the same server, with the same authentication, as the model {@code create} makes;
     * empty for a provider without one (the default).
     *
     * @param settings what to reach
     * @param config the whole {@code rpt.*} configuration of the run
     * @param environment looks up environment variables, for the API key
     */
    default Optional<BatchApi> batchApi(ModelSettings settings, RptConfig config, UnaryOperator<String> environment) {
        return Optional.empty();
    }
}
