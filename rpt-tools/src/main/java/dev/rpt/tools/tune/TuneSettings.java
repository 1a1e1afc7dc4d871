package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.util.List;
import java.util.Locale;
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
        boolean dryRun) {

    /** Five evaluations, plateau 3, until pass, all reports, w = 0.05, 40 critiques, no budget. */
    public static final TuneSettings DEFAULTS = new TuneSettings(
            5,
            3,
            true,
            MemoryPolicy.ALL,
            5,
            0.05,
            OptionalLong.empty(),
            OptionalLong.empty(),
            OptionalDouble.empty(),
            40,
            false);

    public TuneSettings {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1");
        }
        if (plateau < 1) {
            throw new IllegalArgumentException("plateau must be at least 1");
        }
    }

    /** The settings from {@code rpt.tune.*} and {@code rpt.diagnose.*} keys, with {@link #DEFAULTS} for the rest. */
    public static TuneSettings from(RptConfig config) {
        return new TuneSettings(
                config.integer(RptConstants.TUNE_MAX_ITERATIONS, 1, 1000).orElse(DEFAULTS.maxIterations()),
                config.integer(RptConstants.TUNE_PLATEAU, 1, 1000).orElse(DEFAULTS.plateau()),
                bool(config, RptConstants.TUNE_UNTIL_PASS, DEFAULTS.untilPass()),
                config.choice(RptConstants.TUNE_MEMORY, List.of("all", "last", "last-k", "summary"))
                        .map(value ->
                                MemoryPolicy.valueOf(value.replace('-', '_').toUpperCase(Locale.ROOT)))
                        .orElse(DEFAULTS.memory()),
                config.integer(RptConstants.TUNE_MEMORY_K, 1, 100).orElse(DEFAULTS.memoryK()),
                config.number(RptConstants.TUNE_BRIER_WEIGHT, 0, 10).orElse(DEFAULTS.brierWeight()),
                config.longValue(RptConstants.TUNE_MAX_CALLS)
                        .map(OptionalLong::of)
                        .orElse(OptionalLong.empty()),
                config.longValue(RptConstants.TUNE_MAX_TOKENS)
                        .map(OptionalLong::of)
                        .orElse(OptionalLong.empty()),
                config.number(RptConstants.TUNE_MAX_COST, 0, 1_000_000)
                        .map(OptionalDouble::of)
                        .orElse(OptionalDouble.empty()),
                config.integer(RptConstants.DIAGNOSE_MAX_CRITIQUES, 0, 10_000).orElse(DEFAULTS.maxCritiques()),
                bool(config, RptConstants.TUNE_DRY_RUN, DEFAULTS.dryRun()));
    }

    private static boolean bool(RptConfig config, String key, boolean fallback) {
        return config.choice(key, List.of("true", "false"))
                .map(Boolean::parseBoolean)
                .orElse(fallback);
    }
}
