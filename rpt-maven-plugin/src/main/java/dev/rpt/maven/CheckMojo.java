package dev.rpt.maven;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.gate.Baseline;
import dev.rpt.core.gate.BaselineException;
import dev.rpt.core.gate.CheckResult;
import dev.rpt.core.gate.ClassVerdict;
import dev.rpt.core.gate.RegressionCheck;
import dev.rpt.core.gate.RegressionOptions;
import dev.rpt.core.gate.RegressionReport;
import dev.rpt.core.gate.Rule;
import dev.rpt.core.gate.RuleChecker;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.html.HtmlReport;
import dev.rpt.core.thresholds.CheckMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The CI gate: reads the test phase's {@code target/rpt/last-run.json} (it never calls a model) and fails the build
 * when a class is below its {@code @Thresholds}, breaks a configured rule, or regresses against the committed
 * baseline beyond the tolerance and significantly.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractRptMojo {

    /** Skips this goal. */
    @Parameter(property = "rpt.check.skip", defaultValue = "false")
    protected boolean skipCheck;

    /** Fail the build on a violation ({@code true}), or only report it. */
    @Parameter(property = "rpt.check.halt-on-failure", defaultValue = "true")
    protected boolean haltOnFailure;

    /** Rules in JaCoCo's shape: an element ({@code RUN}, {@code CLASS}, {@code CASE}) and limits on counters. */
    @Parameter
    protected List<RuleConfig> rules;

    @Override
    protected boolean skipGoal() {
        return skipCheck;
    }

    @Override
    protected String skipProperty() {
        return "rpt.check.skip";
    }

    @Override
    protected String goalName() {
        return "rpt:check";
    }

    @Override
    protected void executeGoal() throws MojoExecutionException, MojoFailureException {
        RptConfig config = RptConfig.of(configurationSource());
        Path reportDirectory = reportDirectory(config);
        RunReport run = lastRun(reportDirectory);
        MetricsOptions metrics = MetricsOptions.from(config);
        CheckMode mode = CheckMode.from(config);
        List<String> violations = new ArrayList<>();

        for (ClassInfo info : run.classes()) {
            ClassVerdict verdict = ClassVerdict.of(info, run.cases(), mode, metrics);
            for (String violation : verdict.thresholds().violations()) {
                violations.add(simpleName(info.className()) + " @Thresholds: " + violation);
            }
            for (String problem : verdict.problems()) {
                violations.add(simpleName(info.className()) + ": " + problem);
            }
        }

        if (rules != null && !rules.isEmpty()) {
            List<Rule> converted = new ArrayList<>();
            try {
                for (RuleConfig rule : rules) {
                    converted.add(rule.toRule());
                }
            } catch (IllegalArgumentException e) {
                throw new MojoFailureException(e.getMessage(), e);
            }
            CheckResult result = new RuleChecker(mode, metrics).check(run, converted);
            violations.addAll(result.messages());
        }

        Path baselineFile = project.getBasedir()
                .toPath()
                .resolve(config.string(RptConstants.CHECK_BASELINE).orElse(Baseline.DEFAULT_PATH));
        if (Files.isRegularFile(baselineFile)) {
            try {
                RegressionReport regression = new RegressionCheck(regressionOptions(config, metrics))
                        .compare(Baseline.read(baselineFile), run);
                regression.lines().forEach(getLog()::info);
                violations.addAll(regression.failures());
            } catch (BaselineException e) {
                throw new MojoFailureException(e.getMessage(), e);
            }
        } else {
            getLog().info("No baseline at " + baselineFile + ": only thresholds and rules are checked. Record one with"
                    + " mvn rpt:baseline and commit it.");
        }

        writeHtml(reportDirectory, metrics, mode);
        if (run.model().simulated()) {
            warnSimulated("the checked run", run.model().label());
        }
        if (violations.isEmpty()) {
            getLog().info("rpt:check passed: " + run.classes().size() + " prompt test classes, "
                    + run.cases().size() + " case records.");
            return;
        }
        String message =
                "rpt:check found " + violations.size() + " problem(s):\n  - " + String.join("\n  - ", violations);
        if (haltOnFailure) {
            throw new MojoFailureException(message);
        }
        violations.forEach(violation -> getLog().warn(violation));
        getLog().warn("rpt:check reports without failing (haltOnFailure=false).");
    }

    private RegressionOptions regressionOptions(RptConfig config, MetricsOptions metrics) {
        RegressionOptions defaults = RegressionOptions.DEFAULTS;
        return new RegressionOptions(
                config.number(RptConstants.CHECK_ALPHA, 1e-6, 0.4999).orElse(defaults.alpha()),
                config.number(RptConstants.CHECK_TOLERANCE_ACCURACY, 0, 1).orElse(defaults.accuracyTolerance()),
                config.number(RptConstants.CHECK_TOLERANCE_ECE, 0, 1).orElse(defaults.eceTolerance()),
                config.number(RptConstants.CHECK_TOLERANCE_BRIER, 0, 1).orElse(defaults.brierTolerance()),
                defaults.resamples(),
                defaults.seed(),
                metrics);
    }

    private void writeHtml(Path reportDirectory, MetricsOptions metrics, CheckMode mode) throws MojoExecutionException {
        try {
            getLog().info("HTML report: " + HtmlReport.write(reportDirectory, Optional.empty(), metrics, mode));
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the HTML report: " + e.getMessage(), e);
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
