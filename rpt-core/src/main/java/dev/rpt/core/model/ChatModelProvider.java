package dev.rpt.core.model;

import java.util.function.UnaryOperator;

/**
 * Creates {@link ChatModel}s for one provider id. Providers register through {@link java.util.ServiceLoader}.
 */
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
}
