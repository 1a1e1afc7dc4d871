package dev.rpt.sim;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatModelProvider;
import dev.rpt.core.model.ModelSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The {@code sim} provider: creates the offline, deterministic simulator. It is not a model; every {@link ChatModel}
 * it creates reports {@code simulated = true}. Answer keys are read once per provider instance and options, then
 * shared by every model it creates.
 */
@API(status = INTERNAL, since = "0.1")
public final class SimProvider implements ChatModelProvider {

    /** The provider id users configure in {@code rpt.provider}. */
    public static final String ID = "sim";

    private final Map<SimOptions, AnswerKey> keys = new ConcurrentHashMap<>();

    /** A provider with no answer key read yet; {@link java.util.ServiceLoader} uses this constructor. */
    public SimProvider() {}

    @Override
    public String id() {
        return ID;
    }

    /**
     * Creates the simulator with the {@code rpt.sim.*} options of the system properties, for callers that have no
     * {@link RptConfig}. Prefer {@link #create(ModelSettings, RptConfig, UnaryOperator)}.
     */
    @Override
    public ChatModel create(ModelSettings settings, UnaryOperator<String> environment) {
        return create(settings, SimOptions.from(RptConfig.of(ConfigSource.systemProperties())));
    }

    /** Creates the simulator with the {@code rpt.sim.*} options of the run's configuration. */
    @Override
    public ChatModel create(ModelSettings settings, RptConfig config, UnaryOperator<String> environment) {
        return create(settings, SimOptions.from(config));
    }

    /**
     * Creates the simulator with explicit options. The simulator needs no API key, so no environment.
     *
     * @throws dev.rpt.core.config.ConfigException when an answer-key file is missing or malformed
     */
    public ChatModel create(ModelSettings settings, SimOptions options) {
        AnswerKey key = keys.computeIfAbsent(options, AnswerKeyLoader::load);
        return new SimChatModel(settings.model(), key);
    }
}
