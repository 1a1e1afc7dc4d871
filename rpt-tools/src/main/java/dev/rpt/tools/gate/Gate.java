package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.verdict.ClassVerdict;
import dev.rpt.core.verdict.VerdictSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The CI gate as one call, free of any build tool: {@code rpt:check} is this call behind Maven's parameters, and a
 * Gradle task or a CLI would be the same. A run fails when a class failed its verdict (its thresholds, its judge
 * agreement, its must-pass and errored cases: {@link ClassVerdict}, decided once by the test run and read from its
 * report), breaks a configured rule, or regresses against the baseline beyond the tolerance and significantly ({@link
 * RegressionCheck}). Rules and the regression test use the settings the run's verdicts were decided with. It never
 * calls a model.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Gate {

    private final GateSettings settings;

    public Gate(GateSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Checks a run.
     *
     * @param run the run report, e.g. {@code target/rpt/last-run.json} read with {@link RunReport#read}
     * @param baseline the committed baseline, if the project has one
     * @param rules the configured rules, possibly none
     */
    public GateResult check(RunReport run, Optional<Baseline> baseline, List<Rule> rules) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(rules, "rules");
        VerdictSettings judged = run.verdictSettings()
                .orElseThrow(() -> new GateInputException(
                        "The run report "
                                + run.runId()
                                + " was written by an earlier rpt, which did not record the class verdicts that"
                                + " rpt:check reads. Run the prompt tests again (e.g. mvn verify) with this version of rpt.",
                        null));
        List<String> violations = new ArrayList<>();
        // An informational model is measured and reported, never failing the gate: its findings become lines.
        List<String> informational = new ArrayList<>();
        Set<String> informationalClasses = new HashSet<>();
        for (ClassInfo info : run.classes()) {
            boolean counts = !run.informational(info.model());
            if (!counts) {
                informationalClasses.add(info.classKey());
            }
            List<String> findings = counts ? violations : informational;
            ClassVerdict verdict;
            try {
                verdict = run.verdict(info);
            } catch (IllegalStateException e) {
                throw new GateInputException(e.getMessage(), e);
            }
            String name = info.displayName();
            verdict.thresholdViolations().forEach(v -> findings.add(name + " @Thresholds: " + v));
            verdict.cases().forEach(p -> findings.add(name + ": " + p));
        }
        if (!rules.isEmpty()) {
            violations.addAll(new RuleChecker(judged.mode(), judged.metrics())
                    .check(run, rules)
                    .messages());
        }
        List<String> lines = new ArrayList<>();
        Optional<RegressionReport> regression = Optional.empty();
        if (baseline.isPresent()) {
            regression = Optional.of(
                    compare(baseline.get(), run, judged, informationalClasses, violations, informational, lines));
        } else {
            lines.add("No baseline at " + settings.baseline() + ": only thresholds and rules are checked. Record one"
                    + " with mvn rpt:baseline and commit it.");
        }
        informational.forEach(finding -> lines.add("informational model, not failing the gate: " + finding));
        return new GateResult(
                violations, lines, run.classes().size(), run.cases().size(), regression);
    }

    /**
     * The regression test against the baseline: the budget's line, the comparison's lines, and each regression as a
     * violation, or as an informational finding for a model that does not count.
     */
    private RegressionReport compare(
            Baseline baseline,
            RunReport run,
            VerdictSettings judged,
            Set<String> informationalClasses,
            List<String> violations,
            List<String> informational,
            List<String> lines) {
        RegressionReport regression =
                new RegressionCheck(settings.regression().withMetrics(judged.metrics())).compare(baseline, run);
        int family = regression.classes().stream()
                .filter(c -> !informationalClasses.contains(c.className()))
                .flatMap(c -> c.metrics().stream())
                .mapToInt(MetricComparison::family)
                .max()
                .orElse(0);
        lines.add(String.format(
                Locale.ROOT,
                "Regression test: %d %s against the baseline share one error budget, rpt.check.alpha = %.3f: the"
                        + " chance that an unchanged project fails any of them (Holm's step-down over every class,"
                        + " model, metric and judged criterion of this run report; informational models spend"
                        + " nothing). Each test's null is \"worse by at most the tolerance\".",
                family,
                family == 1 ? "test" : "tests",
                settings.regression().alpha()));
        lines.addAll(regression.lines());
        for (ClassComparison compared : regression.classes()) {
            List<String> findings = informationalClasses.contains(compared.className()) ? informational : violations;
            compared.missingCases().ifPresent(findings::add);
            compared.regressions().forEach(m -> findings.add(m.message()));
        }
        return regression;
    }
}
