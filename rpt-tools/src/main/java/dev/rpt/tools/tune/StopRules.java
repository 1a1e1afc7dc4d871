package dev.rpt.tools.tune;

import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.model.runtime.UsageSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * When a tune stops on its own: a budget used up (calls, tokens, cost) before the optimizer's next turn, and after
 * each evaluation a target that answered nothing, every threshold met ({@code rpt.tune.until-pass}), or a plateau.
 * The optimizer's own STOP, its failures and the iteration cap are the tool handlers' to say.
 */
final class StopRules {

    private final TuneSettings settings;
    private final UsageLedger ledger;

    StopRules(TuneSettings settings, UsageLedger ledger) {
        this.settings = settings;
        this.ledger = ledger;
    }

    /** Why the tune stops after {@code evaluation}, the latest of {@code state}'s, if it does. */
    Optional<String> afterEvaluation(TuneState state, Evaluation evaluation) {
        int iteration = evaluation.iteration();
        if (answeredNothing(evaluation)) {
            // A provider that is down would error every case of every further candidate too.
            return Optional.of("the target model answered none of the "
                    + (evaluation.tune().errored() + evaluation.holdout().errored())
                    + " cases of iteration " + iteration + " (every one errored; its run report says why)");
        } else if (settings.untilPass()
                && !state.goals.isEmpty()
                && state.goals.check(evaluation.holdout()).passed()
                && evaluation.holdoutScore(settings.objective(), settings.brierWeight())
                        > state.evaluations.get(0).holdoutScore(settings.objective(), settings.brierWeight()) - 1e-12) {
            // Said for what it is: the selection cases' point estimates, not the verdict of mvn verify, which judges
            // every case of the class in rpt.check.mode and can still fail a bound the held-out cases met.
            return Optional.of("every threshold holds on the held-out cases ("
                    + evaluation.holdout().n() + " scored: "
                    + state.goals.check(evaluation.holdout()).measuredLine() + "); mvn verify judges every case of"
                    + " the class and can still differ");
        } else if (plateaued(state.evaluations)) {
            return Optional.of(settings.plateau() + " evaluations in a row did not beat the best");
        }
        return Optional.empty();
    }

    static boolean answeredNothing(Evaluation evaluation) {
        return evaluation.tune().n() + evaluation.holdout().n() == 0
                && evaluation.tune().errored() + evaluation.holdout().errored() > 0;
    }

    boolean plateaued(List<Evaluation> evaluations) {
        int streak = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (Evaluation evaluation : evaluations) {
            double score = evaluation.tuneScore(settings.objective(), settings.brierWeight());
            if (score > best + 1e-12) {
                best = score;
                streak = 0;
            } else {
                streak++;
            }
        }
        return streak >= settings.plateau();
    }

    /** Every model of the tune: the optimizer and critic in the ledger, the target in each evaluation's run. */
    UsageSnapshot usage(List<Evaluation> evaluations) {
        UsageSnapshot total = ledger.snapshot();
        for (Evaluation evaluation : evaluations) {
            total = total.plus(evaluation.targetUsage());
        }
        return total;
    }

    /**
     * Whether a budget is used up. Budgets count what the tune consumed, replies served from the response cache
     * included at what they cost when recorded: a replay of a finished tune from its recording then stops where the
     * tune did, and a tune that reuses earlier answers keeps the size its budget gives it.
     */
    Optional<String> budgetExhausted(List<Evaluation> evaluations) {
        UsageSnapshot usage = usage(evaluations);
        if (settings.maxCalls().isPresent()
                && usage.calls() >= settings.maxCalls().getAsLong()) {
            return Optional.of("reached the call budget rpt.tune.max-calls="
                    + settings.maxCalls().getAsLong());
        }
        if (settings.maxTokens().isPresent()
                && usage.consumedTokens() >= settings.maxTokens().getAsLong()) {
            return Optional.of("reached the token budget rpt.tune.max-tokens="
                    + settings.maxTokens().getAsLong());
        }
        if (settings.maxCostUsd().isPresent()) {
            if (usage.consumedCostUsd().isEmpty()) {
                return Optional.of("cannot keep the cost budget rpt.tune.max-cost: no price for "
                        + (usage.unpricedModels().isEmpty() ? "a model of a cached reply" : usage.unpricedModels())
                        + " (set rpt.price.<model>)");
            }
            if (usage.consumedCostUsd().getAsDouble() >= settings.maxCostUsd().getAsDouble()) {
                return Optional.of("reached the cost budget rpt.tune.max-cost="
                        + settings.maxCostUsd().getAsDouble());
            }
        }
        return Optional.empty();
    }
}
