package dev.rpt.core.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.ConfidenceMode;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How the target model is asked about each case. Request parameters here are defaults: a value the prompt's own
 * front matter sets ({@code config.temperature}, …) wins, because it is part of the prompt under test.
 *
 * @param confidence where the confidence comes from
 * @param samples the samples per case for {@link ConfidenceMode#CONSISTENCY}, at least 2; ignored otherwise
 * @param temperature the default sampling temperature, or null for the provider's
 * @param maxTokens the default output limit, or null for the provider's
 * @param seed the default sampling seed, or null for none
 */
@API(status = INTERNAL, since = "0.1")
public record EvaluationSettings(
        ConfidenceMode confidence, int samples, Double temperature, Integer maxTokens, Long seed) {

    /** Verbalized confidence at temperature 0 and 1024 output tokens. */
    public static final EvaluationSettings DEFAULTS =
            new EvaluationSettings(ConfidenceMode.VERBALIZED, 5, 0.0, 1024, null);

    public EvaluationSettings {
        Objects.requireNonNull(confidence, "confidence");
        if (confidence == ConfidenceMode.CONSISTENCY && samples < 2) {
            throw new IllegalArgumentException("consistency confidence needs at least 2 samples, got " + samples);
        }
    }

    /** A copy with another confidence mode and sample count. */
    public EvaluationSettings withConfidence(ConfidenceMode confidence, int samples) {
        return new EvaluationSettings(confidence, samples, temperature, maxTokens, seed);
    }
}
