package dev.rpt.core.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.judge.JudgeAgreement;
import dev.rpt.core.judge.MetRate;
import dev.rpt.core.thresholds.BoundCheck;
import dev.rpt.core.thresholds.CheckMode;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.core.thresholds.ThresholdResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * The verdict on one prompt test class on one model, decided once: by the engine, as the class's last test runs, and
 * written into the run report, where {@code rpt:check} reads it.
 *
 * <p>A class fails when a threshold is not met (in the run's check mode), when its judge's Cohen's kappa with the
 * human verdicts is below {@code @Thresholds(minKappa)} on a criterion (or cannot be measured), when a criterion's
 * met rate is below {@code @Thresholds(minMetRate)}, or when a case fails it under {@link ClassRules}: a must-pass case
 * answered wrong, an errored case, or, in a class without thresholds, any case that did not pass.
 *
 * @param thresholds the verdict of each threshold
 * @param kappa one sentence per criterion whose judge agreement is below {@code minKappa}; empty when none is
 * @param metRate one sentence per criterion whose met rate is below {@code minMetRate}; empty when none is
 * @param cases what fails the class among its cases, one sentence per kind of problem; empty when nothing does
 */
@API(status = INTERNAL, since = "0.3")
public record ClassVerdict(ThresholdResult thresholds, List<String> kappa, List<String> metRate, List<String> cases) {

    public ClassVerdict {
        Objects.requireNonNull(thresholds, "thresholds");
        kappa = List.copyOf(kappa);
        metRate = List.copyOf(metRate);
        cases = List.copyOf(cases);
    }

    /**
     * Decides a class's verdict.
     *
     * @param bounds the class's {@code @Thresholds} on its metrics
     * @param minKappa the class's {@code @Thresholds(minKappa)}, if it sets one
     * @param minMetRate the class's {@code @Thresholds(minMetRate)}, if it sets one
     * @param byCase each case's samples, every split
     * @param findings the class's samples that did not pass
     * @param agreement the judge's agreement with the human verdicts, per criterion
     * @param metRates how often each judged criterion is met
     * @param toolChecks the verdicts of the class's bounds on its tool use ({@link
     *     dev.rpt.core.thresholds.ToolBounds#checks}); they join the threshold checks
     * @param settings the run's verdict settings
     */
    public static ClassVerdict decide(
            MetricBounds bounds,
            OptionalDouble minKappa,
            OptionalDouble minMetRate,
            List<List<CaseOutcome>> byCase,
            CaseFindings findings,
            List<JudgeAgreement> agreement,
            List<MetRate> metRates,
            List<BoundCheck> toolChecks,
            VerdictSettings settings) {
        OptionalDouble boundAlpha = settings.mode() == CheckMode.CONFIDENCE_BOUND
                ? OptionalDouble.of(settings.boundAlpha())
                : OptionalDouble.empty();
        Metrics metrics = Metrics.ofCases(byCase, settings.metrics());
        ThresholdResult measured = bounds.check(
                metrics,
                settings.lowerBound(byCase),
                bounds.maxEce().isPresent() ? settings.eceUpperBound(byCase) : Optional.empty(),
                bounds.maxBrier().isPresent() ? settings.brierUpperBound(byCase) : Optional.empty());
        List<BoundCheck> checks = new ArrayList<>(measured.checks());
        checks.addAll(toolChecks);
        ThresholdResult thresholds = new ThresholdResult(bounds, checks);
        List<String> kappa = minKappa.isPresent()
                ? JudgeAgreement.kappaViolations(agreement, minKappa.getAsDouble(), boundAlpha)
                : List.of();
        List<String> metRate = minMetRate.isPresent()
                ? MetRate.checks(metRates, minMetRate.getAsDouble(), boundAlpha).stream()
                        .filter(check -> !check.passed())
                        .map(BoundCheck::detail)
                        .toList()
                : List.of();
        return new ClassVerdict(thresholds, kappa, metRate, findings.problems(ClassRules.of(bounds)));
    }

    /** Whether the class passes: every threshold holds and nothing else fails it. */
    public boolean passed() {
        return thresholds.passed() && kappa.isEmpty() && metRate.isEmpty() && cases.isEmpty();
    }

    /**
     * What the class's thresholds test fails on: its unmet thresholds, then its unmet {@code minKappa} and {@code
     * minMetRate}. The cases that fail the class fail their own tests.
     */
    public List<String> thresholdViolations() {
        List<String> all = new ArrayList<>(thresholds.violations());
        all.addAll(kappa);
        all.addAll(metRate);
        return all;
    }

    /** Every reason the class fails: thresholds, then kappa and met rates, then cases. */
    public List<String> violations() {
        List<String> all = thresholdViolations();
        all.addAll(cases);
        return all;
    }
}
