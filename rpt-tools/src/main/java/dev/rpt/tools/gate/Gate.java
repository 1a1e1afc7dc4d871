package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The CI gate as one call, free of any build tool: {@code rpt:check} is this call behind Maven's parameters, and a
 * Gradle task or a CLI would be the same. A run fails when a class fails its verdict ({@link ClassVerdict}: its
 * thresholds, its must-pass and errored cases), breaks a configured rule, or regresses against the baseline beyond
 * the tolerance and significantly ({@link RegressionCheck}). It never calls a model.
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
        List<String> violations = new ArrayList<>();
        for (ClassInfo info : run.classes()) {
            ClassVerdict verdict = ClassVerdict.of(info, run.cases(), settings.mode(), settings.metrics());
            String name = simpleName(info.className());
            verdict.thresholds().violations().forEach(v -> violations.add(name + " @Thresholds: " + v));
            verdict.problems().forEach(p -> violations.add(name + ": " + p));
        }
        if (!rules.isEmpty()) {
            violations.addAll(new RuleChecker(settings.mode(), settings.metrics())
                    .check(run, rules)
                    .messages());
        }
        List<String> lines = new ArrayList<>();
        if (baseline.isPresent()) {
            RegressionReport regression = new RegressionCheck(settings.regression()).compare(baseline.get(), run);
            lines.addAll(regression.lines());
            violations.addAll(regression.failures());
        } else {
            lines.add("No baseline at " + settings.baseline() + ": only thresholds and rules are checked. Record one"
                    + " with mvn rpt:baseline and commit it.");
        }
        return new GateResult(
                violations, lines, run.classes().size(), run.cases().size());
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
