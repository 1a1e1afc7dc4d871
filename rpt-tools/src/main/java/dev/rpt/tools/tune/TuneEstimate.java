package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Usage;
import dev.rpt.core.model.runtime.PriceTable;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * An upper bound on what tuning one prompt costs, worked out before any model is called: every configured iteration
 * evaluated, every critique the cap allows, the optimizer's longest turns. Tokens per target call come from the last
 * run's report of the prompt's cases when there is one, else from {@link #DEFAULT_TARGET_TOKENS}; the critic's and
 * optimizer's per-call tokens are documented constants, since their prompts are rpt's own. See docs/tuning.md, "The
 * cost before the run".
 *
 * @param prompt the prompt resource
 * @param cases the prompt's case runs per evaluation: its cases times {@code rpt.repeat}
 * @param targetCalls the target's calls over all iterations
 * @param criticCalls the critic's calls at most
 * @param optimizerCalls the optimizer's calls at most
 * @param tokens every call's tokens together
 * @param costUsd what they cost, when every model has a price
 * @param targetTokensSource where the target's tokens per call come from, for the printout
 */
@API(status = INTERNAL, since = "0.2")
public record TuneEstimate(
        String prompt,
        int cases,
        long targetCalls,
        long criticCalls,
        long optimizerCalls,
        long tokens,
        OptionalDouble costUsd,
        String targetTokensSource) {

    /** Tokens per target call when no earlier run measured them: a question, a short prompt and a JSON answer. */
    public static final int DEFAULT_TARGET_TOKENS = 600;

    /** Tokens per critic call: rpt's critic prompt, one failed case with its trace, and the critique. */
    public static final int CRITIC_TOKENS = 1_500;

    /**
     * Tokens of the optimizer's first call; each later call carries one more diagnostic report, so it grows by
     * {@link #OPTIMIZER_TOKENS_PER_REPORT} per evaluation (with {@code rpt.tune.memory=all}, the default).
     */
    public static final int OPTIMIZER_BASE_TOKENS = 3_000;

    /** What one more diagnostic report adds to every later optimizer call. */
    public static final int OPTIMIZER_TOKENS_PER_REPORT = 2_000;

    /** The optimizer's calls per evaluation at most: evaluate, inspect a failure mode, decide. */
    public static final int OPTIMIZER_CALLS_PER_EVALUATION = 3;

    /** The share of a critic or optimizer call's tokens that are input, for pricing. */
    static final double CONTROL_INPUT_SHARE = 0.85;

    /**
     * Estimates one prompt's tune.
     *
     * @param prompt the prompt resource
     * @param cases its cases as discovered, before any call
     * @param repeat {@code rpt.repeat}
     * @param settings the tune's settings: iterations and the critique cap
     * @param withCritic whether a critic model is configured (otherwise failures are grouped without calls)
     * @param lastRun the last run's report, if one exists, for the target's measured tokens per call
     * @param prices the configured prices
     * @param targetModel the target's model name, for its price
     * @param controlModels the critic's and optimizer's model names, for their prices
     */
    public static TuneEstimate of(
            String prompt,
            int cases,
            int repeat,
            TuneSettings settings,
            boolean withCritic,
            Optional<RunReport> lastRun,
            PriceTable prices,
            String targetModel,
            List<String> controlModels) {
        int iterations = settings.maxIterations();
        long samples = (long) cases * repeat;
        long targetCalls = samples * iterations;
        // One critique per failed case up to the cap (a prompt cannot fail more cases than it has), and one call
        // that groups the critiques.
        long criticCalls = withCritic ? (Math.min(settings.maxCritiques(), samples) + 1) * iterations : 0;
        long optimizerCalls = (long) OPTIMIZER_CALLS_PER_EVALUATION * iterations + 1;
        Optional<Usage> measured = lastRun.flatMap(report -> perCall(report, prompt));
        Usage perTargetCall = measured.orElse(
                Usage.of(Math.round(DEFAULT_TARGET_TOKENS * 0.75), Math.round(DEFAULT_TARGET_TOKENS * 0.25)));
        long targetTokens = targetCalls * perTargetCall.totalTokens();
        long criticTokens = criticCalls * CRITIC_TOKENS;
        long optimizerTokens = 0;
        for (int evaluation = 0; evaluation < iterations; evaluation++) {
            optimizerTokens += (long) OPTIMIZER_CALLS_PER_EVALUATION
                    * (OPTIMIZER_BASE_TOKENS + (long) OPTIMIZER_TOKENS_PER_REPORT * evaluation);
        }
        optimizerTokens += OPTIMIZER_BASE_TOKENS + (long) OPTIMIZER_TOKENS_PER_REPORT * iterations;
        OptionalDouble cost = OptionalDouble.empty();
        Optional<PriceTable.Price> targetPrice = prices.price(targetModel);
        List<Optional<PriceTable.Price>> controlPrices =
                controlModels.stream().map(prices::price).toList();
        if (targetPrice.isPresent() && controlPrices.stream().allMatch(Optional::isPresent)) {
            double target = targetPrice.get().cost(perTargetCall) * targetCalls;
            double mostExpensiveControl = controlPrices.stream()
                    // The price of a million control tokens at the documented input share.
                    .mapToDouble(price -> price.get()
                            .cost(Usage.of(
                                    Math.round(1_000_000 * CONTROL_INPUT_SHARE),
                                    Math.round(1_000_000 * (1 - CONTROL_INPUT_SHARE)))))
                    .max()
                    .orElse(0);
            // Priced as if every control call ran on the dearest control model: an upper bound.
            cost = OptionalDouble.of(target + mostExpensiveControl * (criticTokens + optimizerTokens) / 1_000_000.0);
        }
        return new TuneEstimate(
                prompt,
                Math.toIntExact(samples),
                targetCalls,
                criticCalls,
                optimizerCalls,
                targetTokens + criticTokens + optimizerTokens,
                cost,
                measured.map(u -> u.totalTokens() + " tokens per call, measured in the last run")
                        .orElse(DEFAULT_TARGET_TOKENS + " tokens per call, rpt's default (no earlier run of these"
                                + " cases)"));
    }

    /** Every model call of the estimate. */
    public long calls() {
        return targetCalls + criticCalls + optimizerCalls;
    }

    /** The lines {@code rpt:tune} prints before the first call. */
    public List<String> lines(TuneSettings settings) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "Estimate for %s, at most: %,d calls (target %,d = %,d case runs x %d iterations; critic %,d; optimizer"
                        + " %,d),"
                        + " %,d tokens, cost %s. Target tokens: %s.",
                prompt,
                calls(),
                targetCalls,
                cases,
                settings.maxIterations(),
                criticCalls,
                optimizerCalls,
                tokens,
                costUsd.isPresent()
                        ? String.format(Locale.ROOT, "$%.4f", costUsd.getAsDouble())
                        : "unknown (set rpt.price.<model> for the target, critic and optimizer)",
                targetTokensSource));
        List<String> cuts = new ArrayList<>();
        settings.maxCalls().ifPresent(limit -> cuts.add(String.format(Locale.ROOT, "rpt.tune.max-calls=%,d", limit)));
        settings.maxTokens().ifPresent(limit -> cuts.add(String.format(Locale.ROOT, "rpt.tune.max-tokens=%,d", limit)));
        settings.maxCostUsd().ifPresent(limit -> cuts.add(String.format(Locale.ROOT, "rpt.tune.max-cost=%.2f", limit)));
        lines.add(
                cuts.isEmpty()
                        ? "  No budget is set: rpt.tune.max-calls, rpt.tune.max-tokens or rpt.tune.max-cost stop a tune at a"
                                + " limit; rpt.tune.max-iterations and rpt.diagnose.max-critiques shrink this bound."
                        : "  The budget " + String.join(", ", cuts)
                                + " stops the tune before this bound if it is reached.");
        return lines;
    }

    /** The average tokens per target call over the prompt's cases in a report, if it has any with usage. */
    private static Optional<Usage> perCall(RunReport report, String prompt) {
        List<String> classes = report.classes().stream()
                .filter(info -> info.promptPath().equals(prompt))
                .map(info -> info.className())
                .toList();
        long prompts = 0;
        long completions = 0;
        int counted = 0;
        for (CaseRecord c : report.cases()) {
            if (classes.contains(c.className()) && c.usage().totalTokens() > 0) {
                prompts += c.usage().promptTokens();
                completions += c.usage().completionTokens();
                counted++;
            }
        }
        return counted == 0 ? Optional.empty() : Optional.of(Usage.of(prompts / counted, completions / counted));
    }
}
