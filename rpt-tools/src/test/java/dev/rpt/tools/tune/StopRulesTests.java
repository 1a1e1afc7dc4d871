package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.api.Usage;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a tune stops on its own: budgets before a turn, and after an evaluation nothing answered, goals met, plateau. */
class StopRulesTests {

    private static final PromptFile PROMPT = PromptFile.parse("p.prompt", "{{role \"user\"}}\n{{q}}\n");

    @TempDir
    Path dir;

    @Test
    void aPlateauIsSoManyEvaluationsInARowThatDidNotBeatTheBest() {
        StopRules rules = rules(Map.of("rpt.tune.plateau", "2"));
        List<Evaluation> evaluations = new ArrayList<>(List.of(evaluation(1, 0.5), evaluation(2, 0.75)));

        assertThat(rules.plateaued(evaluations)).isFalse();
        evaluations.add(evaluation(3, 0.75));
        assertThat(rules.plateaued(evaluations)).as("one equal score").isFalse();
        evaluations.add(evaluation(4, 0.5));
        assertThat(rules.plateaued(evaluations)).as("two without a gain").isTrue();
    }

    @Test
    void aTargetThatAnsweredNothingStopsTheTuneNamingTheErroredCases() throws Exception {
        StopRules rules = rules(Map.of());
        Metrics errored = Metrics.of(List.of(CaseOutcome.errored(), CaseOutcome.errored()));
        Evaluation nothing = new Evaluation(1, PROMPT, "{}", errored, errored, List.of());

        assertThat(rules.afterEvaluation(state(nothing), nothing))
                .contains("the target model answered none of the 4 cases of iteration 1 (every one errored; its run"
                        + " report says why)");
    }

    @Test
    void untilPassStopsOnceTheHeldOutCasesMeetEveryThresholdWithoutLosingToTheSeed() throws Exception {
        StopRules rules = rules(Map.of("rpt.tune.until-pass", "true"));
        Evaluation seed = evaluation(1, 0.5);
        Evaluation better = evaluation(2, 0.75);
        TuneState state = state(seed, better);

        assertThat(rules.afterEvaluation(state, better))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("every threshold holds on the held-out cases (4 scored: accuracy 0.750")
                        .endsWith("mvn verify judges every case of the class and can still differ"));
    }

    @Test
    void theCallBudgetCountsEveryModelOfTheTune() {
        UsageLedger ledger = UsageLedger.from(RptConfig.of(Map.of()));
        StopRules rules = new StopRules(TuneSettings.from(RptConfig.of(Map.of("rpt.tune.max-calls", "3"))), ledger);

        assertThat(rules.budgetExhausted(List.of())).isEmpty();
        for (int i = 0; i < 3; i++) {
            ledger.recordUsage(new ModelInfo("sim", "optimizer", true), Usage.of(10, 5));
        }
        assertThat(rules.budgetExhausted(List.of())).contains("reached the call budget rpt.tune.max-calls=3");
    }

    private StopRules rules(Map<String, String> config) {
        return new StopRules(TuneSettings.from(RptConfig.of(config)), UsageLedger.from(RptConfig.of(Map.of())));
    }

    private TuneState state(Evaluation... evaluations) throws Exception {
        TuneState state = new TuneState(
                PROMPT,
                MetricBounds.of(0.7, Double.NaN, Double.NaN, Double.NaN),
                TuneRecorder.create(dir.resolve("record")),
                new Conversation(TuneSettings.DEFAULTS.memory(), TuneSettings.DEFAULTS.memoryK()));
        state.evaluations.addAll(List.of(evaluations));
        return state;
    }

    /** Four cases on each split at the given accuracy. */
    private static Evaluation evaluation(int iteration, double accuracy) {
        List<CaseOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outcomes.add(i < accuracy * 4 ? CaseOutcome.passed(0.8) : CaseOutcome.failed(0.8));
        }
        Metrics metrics = Metrics.of(outcomes);
        return new Evaluation(iteration, PROMPT, "{}", metrics, metrics, List.of());
    }
}
