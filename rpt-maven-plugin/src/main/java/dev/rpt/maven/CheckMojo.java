package dev.rpt.maven;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.settings.RunSettings;
import dev.rpt.tools.flow.CheckFlow;
import dev.rpt.tools.gate.BaselineException;
import dev.rpt.tools.gate.GateInputException;
import dev.rpt.tools.gate.GateResult;
import dev.rpt.tools.gate.Rule;
import java.io.IOException;
import java.util.List;
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
        RunSettings settings = settings();
        RptConfig config = settings.config();
        List<Rule> rules;
        try {
            rules = rules();
        } catch (IllegalArgumentException e) {
            // A <rules> entry naming an element or counter rpt does not know, or a limit out of range.
            throw new MojoFailureException(e.getMessage(), e);
        }
        GateResult result;
        try {
            result = CheckFlow.check(
                    MavenProjectTuning.checkProject(project, reportDirectory(config), goalName()),
                    settings,
                    rules,
                    System.getenv(),
                    MavenProjectTuning.mavenLog(getLog()),
                    // Workflow commands must start their line, so they bypass Maven's "[INFO] " prefix.
                    System.out::println);
        } catch (BaselineException | GateInputException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(goalName() + " failed: " + e.getMessage(), e);
        }
        if (result.passed()) {
            getLog().info(result.passedMessage());
        } else if (haltOnFailure) {
            throw new MojoFailureException(result.failureMessage());
        } else {
            result.violations().forEach(violation -> getLog().warn(violation));
            getLog().warn("rpt:check reports without failing (haltOnFailure=false).");
        }
    }

    private List<Rule> rules() {
        return rules == null
                ? List.of()
                : rules.stream().map(RuleConfig::toRule).toList();
    }
}
