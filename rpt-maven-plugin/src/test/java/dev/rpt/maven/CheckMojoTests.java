package dev.rpt.maven;

import static dev.rpt.maven.MojoFixtures.inProject;
import static dev.rpt.maven.MojoFixtures.lastRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.report.RunReport;
import dev.rpt.tools.gate.Baseline;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rpt:check} as Maven configures it from {@code src/test/resources/unit/check/pom.xml}: a {@code CLASS} rule
 * "accuracy at least 0.80", and the baseline at its default path.
 */
@MojoTest
class CheckMojoTests {

    private static final String POM = "src/test/resources/unit/check/pom.xml";

    @TempDir
    Path project;

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void thePomsRuleIsConfigured(CheckMojo mojo) {
        assertThat(mojo.rules)
                .singleElement()
                .satisfies(rule ->
                        assertThat(rule.toRule().toString()).contains("CLASS").contains("ACCURACY"));
        assertThat(mojo.haltOnFailure).isTrue();
        assertThat(mojo.skipCheck).isFalse();
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void passesWhenTheRuleAndTheBaselineHold(CheckMojo mojo) throws Exception {
        RecordingLog log = inProject(mojo, project);
        lastRun(project, 180, 20, 0);
        baselineOfTheLastRun();

        mojo.execute();

        assertThat(log.text()).contains("com.example.MathTests: accuracy ok").contains("rpt:check passed");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void failsOnARegressionAndOnTheRuleWithTheFix(CheckMojo mojo) throws Exception {
        inProject(mojo, project);
        lastRun(project, 200, 0, 0);
        baselineOfTheLastRun();
        lastRun(project, 150, 50, 0);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                // The rule, the accuracy regression, and Brier's (0.01 -> 0.21: the new failures were stated at 0.9).
                .hasMessageContaining("rpt:check found 3 problem(s)")
                .hasMessageContaining("com.example.MathTests: accuracy 0.750 is below the minimum 0.800")
                .hasMessageContaining("com.example.MathTests: Brier REGRESSED")
                .hasMessageContaining("com.example.MathTests: accuracy REGRESSED: baseline 1.000, current 0.750")
                .hasMessageContaining("Run `mvn rpt:tune`, or accept with `mvn rpt:baseline`.");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "haltOnFailure", value = "false")
    void reportsWithoutHaltingWhenConfigured(CheckMojo mojo) throws Exception {
        RecordingLog log = inProject(mojo, project);
        lastRun(project, 100, 100, 0);

        mojo.execute();

        assertThat(log.text())
                .contains("[WARNING] com.example.MathTests")
                .contains("rpt:check reports without failing (haltOnFailure=false).");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    @MojoParameter(name = "skipCheck", value = "true")
    void skipsWithoutReadingAnything(CheckMojo mojo) throws Exception {
        RecordingLog log = inProject(mojo, project);

        // No run report exists: a check that ran would fail on that.
        mojo.execute();

        assertThat(log.text()).contains("rpt.check.skip");
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void withoutARunReportSaysHowToGetOne(CheckMojo mojo) {
        inProject(mojo, project);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("No run report at " + project.resolve("target/rpt/last-run.json"))
                .hasMessageContaining("run mvn verify");
    }

    private void baselineOfTheLastRun() throws Exception {
        Baseline.from(RunReport.read(project.resolve("target/rpt/last-run.json")))
                .write(project.resolve(Baseline.DEFAULT_PATH));
    }
}
