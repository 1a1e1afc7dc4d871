package dev.rpt.maven;

import static dev.rpt.maven.MojoFixtures.inProject;
import static dev.rpt.maven.MojoFixtures.lastRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.core.calibration.Verdict;
import dev.rpt.tools.gate.Baseline;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rpt:baseline} as Maven configures it from {@code src/test/resources/unit/baseline/pom.xml}. */
@MojoTest
class BaselineMojoTests {

    private static final String POM = "src/test/resources/unit/baseline/pom.xml";

    @TempDir
    Path project;

    @Test
    @InjectMojo(goal = "baseline", pom = POM)
    void writesTheBaselineOfTheLastRun(BaselineMojo mojo) throws Exception {
        RecordingLog log = inProject(mojo, project);
        lastRun(project, 3, 1, 0);

        mojo.execute();

        Baseline baseline = Baseline.read(project.resolve(Baseline.DEFAULT_PATH));
        assertThat(baseline.classes()).singleElement().satisfies(entry -> {
            assertThat(entry.className()).isEqualTo(MojoFixtures.CLASS);
            assertThat(entry.cases()).hasSize(4);
            assertThat(entry.metrics().accuracy()).hasValue(0.75);
        });
        assertThat(log.text()).contains("Wrote the baseline of run run-3-1").contains("Commit it");
    }

    @Test
    @InjectMojo(goal = "baseline", pom = POM)
    void refusesARunWithErroredCases(BaselineMojo mojo) throws Exception {
        inProject(mojo, project);
        lastRun(project, 3, 0, 2);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("has 2 errored cases of 5")
                .hasMessageContaining("-Drpt.baseline.force=true");
        assertThat(project.resolve(Baseline.DEFAULT_PATH)).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "baseline", pom = POM)
    @MojoParameter(name = "force", value = "true")
    void writesItAnywayWhenForced(BaselineMojo mojo) throws Exception {
        inProject(mojo, project);
        lastRun(project, 3, 0, 2);

        mojo.execute();

        assertThat(Baseline.read(project.resolve(Baseline.DEFAULT_PATH))
                        .classes()
                        .get(0)
                        .cases())
                .filteredOn(c -> c.verdict() == Verdict.ERRORED)
                .hasSize(2);
    }
}
