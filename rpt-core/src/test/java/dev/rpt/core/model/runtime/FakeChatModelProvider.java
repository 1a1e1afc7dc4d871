package dev.rpt.core.model.runtime;

import dev.rpt.core.model.ApiKey;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatModelProvider;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.ModelSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A provider registered for tests through {@code META-INF/services}. Like a real one it reads its API key; the
 * models it creates echo the last message. Tests find the model a factory created by its (unique) model name; a
 * model name starting with {@code simulated} makes a simulator.
 */
public final class FakeChatModelProvider implements ChatModelProvider {

    private static final Map<String, ScriptedChatModel> CREATED = new ConcurrentHashMap<>();
    private static final Map<String, ModelSettings> SETTINGS = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public ChatModel create(ModelSettings settings, UnaryOperator<String> environment) {
        // Read as a real provider would, so secrets tests see a key in play.
        ApiKey key = settings.apiKeyEnv()
                .map(variable -> ApiKey.fromEnvironment(variable, environment))
                .orElse(null);
        ScriptedChatModel model = new ScriptedChatModel(
                        new ModelInfo("fake", settings.model(), settings.model().startsWith("simulated")))
                .otherwise(request -> ScriptedChatModel.reply(
                        "echo: "
                                + request.messages()
                                        .get(request.messages().size() - 1)
                                        .content() + (key == null ? "" : " (authenticated)"),
                        10,
                        5));
        CREATED.put(settings.model(), model);
        SETTINGS.put(settings.model(), settings);
        return model;
    }

    /** The model created for a model name, or null. */
    static ScriptedChatModel created(String model) {
        return CREATED.get(model);
    }

    /** The settings a model name was created with, or null. */
    static ModelSettings settings(String model) {
        return SETTINGS.get(model);
    }
}
