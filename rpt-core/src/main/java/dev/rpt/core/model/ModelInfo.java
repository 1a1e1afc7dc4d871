package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

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
}
