package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Identifies a configured model.
 *
 * @param provider the provider id, e.g. {@code openai}, {@code anthropic} or {@code sim}
 * @param model the model name sent to the provider
 * @param simulated true for the offline simulator; its numbers must never be presented as a real model's
 */
@API(status = INTERNAL, since = "0.1")
public record ModelInfo(String provider, String model, boolean simulated) {

    public ModelInfo {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
    }

    /** A human-readable label such as {@code openai/gpt-4.1-mini} or {@code sim/math (SIMULATOR)}. */
    public String label() {
        return provider + "/" + model + (simulated ? " (SIMULATOR)" : "");
    }

    /**
     * The banner a build tool prints when {@code role} (e.g. {@code the optimizer}) is the simulator, one line each;
     * empty for a real model. Loud, because the simulator's numbers say nothing about any real model.
     */
    public List<String> simulatorWarning(String role) {
        if (!simulated) {
            return List.of();
        }
        String rule = "*".repeat(72);
        return List.of(
                rule,
                "SIMULATOR: " + role + " is the offline simulator (" + label() + "), not a real model.",
                "Its numbers and its prompt edits say nothing about any real model.",
                rule);
    }
}
