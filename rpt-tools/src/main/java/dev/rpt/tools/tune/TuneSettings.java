package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * The knobs of one tune.
 *
 * @param maxIterations the most candidate evaluations, the seed's included
 * @param plateau stop after this many evaluations in a row that do not beat the best
 * @param untilPass stop as soon as every threshold holds on the held-out cases
 * @param memory which earlier reports the optimizer keeps seeing
 * @param memoryK how many reports {@link MemoryPolicy#LAST_K} keeps
 * @param brierWeight w in the selection score {@code accuracy − w·Brier} on the held-out cases
 * @param maxCalls a budget on model calls (target, critic and optimizer together), if any
 * @param maxTokens a budget on tokens, if any
 * @param maxCostUsd a budget on cost in USD, if any; needs prices for every model
 * @param maxCritiques the most critic calls per evaluation
 * @param dryRun print the diff without writing the prompt file
 * @param objective what the selection maximises ({@code rpt.tune.objective})
 * @param samples how many samples of each case an evaluation draws for a repeat objective; 1 for accuracy
 */
@API(status = INTERNAL, since = "0.1")
public record TuneSettings(
        int maxIterations,
        int plateau,
        boolean untilPass,
        MemoryPolicy memory,
        int memoryK,
        double brierWeight,
        OptionalLong maxCalls,
        OptionalLong maxTokens,
        OptionalDouble maxCostUsd,
        int maxCritiques,
        boolean dryRun,
        TuneObjective objective,
        int samples) {

    /** Five evaluations, plateau 3, until pass, all reports, w = 0.05, 40 critiques, no budget, accuracy. */
    public static final TuneSettings DEFAULTS = new Builder().build();

    /** A builder that starts from {@link #DEFAULTS}: what a test or a front end does not set keeps its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.maxIterations = maxIterations;
        builder.plateau = plateau;
        builder.untilPass = untilPass;
        builder.memory = memory;
        builder.memoryK = memoryK;
        builder.brierWeight = brierWeight;
        builder.maxCalls = maxCalls;
        builder.maxTokens = maxTokens;
        builder.maxCostUsd = maxCostUsd;
        builder.maxCritiques = maxCritiques;
        builder.dryRun = dryRun;
        builder.objective = objective;
        builder.samples = samples;
        return builder;
    }

    /** Builds {@link TuneSettings}; a new knob is a field here with its default, and no caller changes. */
    public static final class Builder {
        private int maxIterations = 5;
        private int plateau = 3;
        private boolean untilPass = true;
        private MemoryPolicy memory = MemoryPolicy.ALL;
        private int memoryK = 5;
        private double brierWeight = 0.05;
        private OptionalLong maxCalls = OptionalLong.empty();
        private OptionalLong maxTokens = OptionalLong.empty();
        private OptionalDouble maxCostUsd = OptionalDouble.empty();
        private int maxCritiques = 40;
        private boolean dryRun;
        private TuneObjective objective = TuneObjective.ACCURACY;
        private int samples = 1;

        private Builder() {}

        public Builder maxIterations(int maxIterations) {
            this.maxIterations = maxIterations;
            return this;
        }

        public Builder plateau(int plateau) {
            this.plateau = plateau;
            return this;
        }

        public Builder untilPass(boolean untilPass) {
            this.untilPass = untilPass;
            return this;
        }

        public Builder memory(MemoryPolicy memory, int memoryK) {
            this.memory = memory;
            this.memoryK = memoryK;
            return this;
        }

        public Builder brierWeight(double brierWeight) {
            this.brierWeight = brierWeight;
            return this;
        }

        public Builder maxCalls(OptionalLong maxCalls) {
            this.maxCalls = maxCalls;
            return this;
        }

        public Builder maxTokens(OptionalLong maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder maxCostUsd(OptionalDouble maxCostUsd) {
            this.maxCostUsd = maxCostUsd;
            return this;
        }

        public Builder maxCritiques(int maxCritiques) {
            this.maxCritiques = maxCritiques;
            return this;
        }

        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /** The objective and how many samples of each case it draws (1 for accuracy). */
        public Builder objective(TuneObjective objective, int samples) {
            this.objective = objective;
            this.samples = samples;
            return this;
        }

        /** @throws IllegalArgumentException as the constructor does */
        public TuneSettings build() {
            return new TuneSettings(
                    maxIterations,
                    plateau,
                    untilPass,
                    memory,
                    memoryK,
                    brierWeight,
                    maxCalls,
                    maxTokens,
                    maxCostUsd,
                    maxCritiques,
                    dryRun,
                    objective,
                    samples);
        }
    }

    public TuneSettings {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1");
        }
        if (plateau < 1) {
            throw new IllegalArgumentException("plateau must be at least 1");
        }
        Objects.requireNonNull(objective, "objective");
        if (samples < 1 || (objective.repeats() && samples < 2)) {
            throw new IllegalArgumentException(objective.key() + " needs at least 2 samples, got " + samples);
        }
    }

    /** The objective's name with its sample count, e.g. {@code pass^5}. */
    public String objectiveLabel() {
        return objective.label(samples);
    }

    /** The settings from {@code rpt.tune.*} and {@code rpt.diagnose.*} keys, with {@link #DEFAULTS} for the rest. */
    public static TuneSettings from(RptConfig config) {
        return builder()
                .maxIterations(config.integer(RptConstants.TUNE_MAX_ITERATIONS, 1, 1000)
                        .orElse(DEFAULTS.maxIterations()))
                .plateau(config.integer(RptConstants.TUNE_PLATEAU, 1, 1000).orElse(DEFAULTS.plateau()))
                .untilPass(bool(config, RptConstants.TUNE_UNTIL_PASS, DEFAULTS.untilPass()))
                .memory(
                        config.choice(RptConstants.TUNE_MEMORY, List.of("all", "last", "last-k", "summary"))
                                .map(value -> MemoryPolicy.valueOf(
                                        value.replace('-', '_').toUpperCase(Locale.ROOT)))
                                .orElse(DEFAULTS.memory()),
                        config.integer(RptConstants.TUNE_MEMORY_K, 1, 100).orElse(DEFAULTS.memoryK()))
                .brierWeight(
                        config.number(RptConstants.TUNE_BRIER_WEIGHT, 0, 10).orElse(DEFAULTS.brierWeight()))
                .maxCalls(config.longValue(RptConstants.TUNE_MAX_CALLS)
                        .map(OptionalLong::of)
                        .orElse(OptionalLong.empty()))
                .maxTokens(config.longValue(RptConstants.TUNE_MAX_TOKENS)
                        .map(OptionalLong::of)
                        .orElse(OptionalLong.empty()))
                .maxCostUsd(config.number(RptConstants.TUNE_MAX_COST, 0, 1_000_000)
                        .map(OptionalDouble::of)
                        .orElse(OptionalDouble.empty()))
                .maxCritiques(config.integer(RptConstants.DIAGNOSE_MAX_CRITIQUES, 0, 10_000)
                        .orElse(DEFAULTS.maxCritiques()))
                .dryRun(bool(config, RptConstants.TUNE_DRY_RUN, DEFAULTS.dryRun()))
                .objective(objective(config), samples(config))
                .build();
    }

    /**
     * What every run of a tune (the first run and each candidate's) must set on top of the project's configuration:
     * {@code rpt.repeat=<samples>} for a repeat objective, nothing otherwise. Each sample has its own cache key, so a
     * re-run replays the same samples.
     */
    public static Map<String, String> runOverrides(RptConfig config) {
        return objective(config).repeats() ? Map.of(RptConstants.REPEAT, String.valueOf(samples(config))) : Map.of();
    }

    /**
     * A warning when a repeat objective would sample at temperature 0: every sample is then the same answer, so
     * pass^k equals accuracy and no case can show as unstable.
     *
     * @param target the target model's configuration ({@code rpt.temperature} after any model overlay)
     */
    public static Optional<String> greedySamplingWarning(RptConfig target) {
        TuneObjective objective = objective(target);
        if (!objective.repeats()) {
            return Optional.empty();
        }
        double temperature = target.number(RptConstants.TEMPERATURE, 0, 10).orElse(0.0);
        if (temperature > 0) {
            return Optional.empty();
        }
        return Optional.of(RptConstants.TUNE_OBJECTIVE + "=" + objective.key() + " samples every case "
                + samples(target) + " times, but " + RptConstants.TEMPERATURE + " is 0: every sample is the same"
                + " answer, so the objective equals accuracy and no case can show as unstable. Set "
                + RptConstants.TEMPERATURE + " to the temperature the prompt runs at in production, e.g. -D"
                + RptConstants.TEMPERATURE + "=0.7.");
    }

    static TuneObjective objective(RptConfig config) {
        List<String> keys =
                Arrays.stream(TuneObjective.values()).map(TuneObjective::key).toList();
        return config.choice(RptConstants.TUNE_OBJECTIVE, keys)
                .flatMap(TuneObjective::byKey)
                .orElse(TuneObjective.ACCURACY);
    }

    /**
     * The samples per case of a repeat objective: {@code rpt.tune.samples}, else {@code rpt.repeat} when above 1,
     * else 3. An accuracy tune draws one (or {@code rpt.repeat}, which the run applies by itself).
     */
    static int samples(RptConfig config) {
        if (!objective(config).repeats()) {
            return 1;
        }
        int repeat = config.integer(RptConstants.REPEAT, 1, 1000).orElse(1);
        return config.integer(RptConstants.TUNE_SAMPLES, 2, 100).orElse(repeat > 1 ? repeat : 3);
    }

    private static boolean bool(RptConfig config, String key, boolean fallback) {
        return config.choice(key, List.of("true", "false"))
                .map(Boolean::parseBoolean)
                .orElse(fallback);
    }
}
