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
 * @param maxSteps the model turns a case whose tools are stubbed may take ({@code rpt.max-steps}), at least 1
 */
@API(status = INTERNAL, since = "0.1")
public record EvaluationSettings(
        ConfidenceMode confidence, int samples, Double temperature, Integer maxTokens, Long seed, int maxSteps) {

    /** The default of {@code rpt.max-steps}. */
    public static final int DEFAULT_MAX_STEPS = 8;

    /** Verbalized confidence at temperature 0 and 1024 output tokens. */
    public static final EvaluationSettings DEFAULTS =
            new EvaluationSettings(ConfidenceMode.VERBALIZED, 5, 0.0, 1024, null);

    /** Settings with the default step limit. */
    public EvaluationSettings(
            ConfidenceMode confidence, int samples, Double temperature, Integer maxTokens, Long seed) {
        this(confidence, samples, temperature, maxTokens, seed, DEFAULT_MAX_STEPS);
    }

    public EvaluationSettings {
        Objects.requireNonNull(confidence, "confidence");
        if (confidence == ConfidenceMode.CONSISTENCY && samples < 2) {
            throw new IllegalArgumentException("consistency confidence needs at least 2 samples, got " + samples);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps must be at least 1, got " + maxSteps);
        }
    }

    /** A copy with another confidence mode and sample count. */
    public EvaluationSettings withConfidence(ConfidenceMode confidence, int samples) {
        return new EvaluationSettings(confidence, samples, temperature, maxTokens, seed, maxSteps);
    }
}
