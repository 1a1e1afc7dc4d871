package dev.rpt.core.model.http;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * When a provider rejects a request field that an {@code rpt.*} key controls, the key to change: a 400 "unsupported
 * value: temperature" from a reasoning model should say {@code rpt.temperature=none}, not just quote the server.
 */
@API(status = INTERNAL, since = "0.1")
public final class SettingHints {

    private static final Map<String, String> BY_FIELD = new LinkedHashMap<>();

    static {
        BY_FIELD.put(
                "temperature",
                "This model does not take that temperature: set rpt.temperature=none to leave it out (for the critic"
                        + " or the optimizer: rpt.diagnose.critic.temperature=none, rpt.tune.optimizer.temperature=none),"
                        + " or a value the model accepts (Anthropic: 0 to 1).");
        BY_FIELD.put(
                "max_completion_tokens",
                "This server does not take max_completion_tokens: set rpt.openai.max-tokens-field=max_tokens.");
        BY_FIELD.put(
                "max_tokens",
                "This model does not take max_tokens: set rpt.openai.max-tokens-field=max_completion_tokens, or"
                        + " change rpt.max-tokens.");
        BY_FIELD.put("seed", "This model does not take a seed: remove rpt.seed.");
        BY_FIELD.put(
                "logprobs", "This model gives no log-probabilities: use rpt.confidence=verbalized or consistency.");
        BY_FIELD.put("reasoning_effort", "This model takes no reasoning effort: remove rpt.reasoning-effort.");
    }

    private SettingHints() {}

    /**
     * The hint for a field an OpenAI-compatible server says it does not support: {@code error.param} names it and
     * {@code error.code} is {@code unsupported_parameter} or {@code unsupported_value} (or a FastAPI validation error's
     * {@code extra_forbidden}, with the field last in its location). Other rejections (a value too
     * large, a missing field) get no hint: the server's message says more than a guess would.
     */
    public static Optional<String> forUnsupported(Optional<String> code, Optional<String> param) {
        // extra_forbidden: a FastAPI server (Mistral) refusing a field it does not know.
        boolean unsupported = code.filter(c -> c.equals("unsupported_parameter")
                        || c.equals("unsupported_value")
                        || c.equals("extra_forbidden"))
                .isPresent();
        return unsupported ? param.map(BY_FIELD::get) : Optional.empty();
    }

    /** The hint for an Anthropic rejection that names the temperature, the one rpt setting Anthropic narrows. */
    public static Optional<String> forAnthropic(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("temperature")
                ? Optional.of(BY_FIELD.get("temperature"))
                : Optional.empty();
    }
}
