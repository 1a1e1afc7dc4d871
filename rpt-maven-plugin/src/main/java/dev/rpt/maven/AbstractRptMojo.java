package dev.rpt.maven;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.ConfigSource;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.settings.RunSettings;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every rpt goal shares: skipping, and the layered {@code rpt.*} configuration with the directories it names.
 * The work itself is in rpt-tools; a goal adapts its parameters into one call there and its outcome into Maven's
 * exceptions.
 */
public abstract class AbstractRptMojo extends AbstractMojo {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The project the goal works on. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The build session, for user properties ({@code -Drpt.x=y}). */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /**
     * {@code rpt.*} keys for this goal, e.g. {@code <rpt.tune.max-iterations>8</rpt.tune.max-iterations>}. They win
     * over {@code -D} properties and {@code src/test/resources/junit-platform.properties}.
     */
    @Parameter
    protected Map<String, String> properties;

    /** Skips every rpt goal. */
    @Parameter(property = "rpt.skip", defaultValue = "false")
    protected boolean skip;

    /** Skips the goal when {@code rpt.skip} or its own skip property is set, or else runs it. */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping: rpt.skip is true.");
            return;
        }
        if (skipGoal()) {
            getLog().info("Skipping: " + skipProperty() + " is true.");
            return;
        }
        try {
            executeGoal();
        } catch (ConfigException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** Whether the goal's own skip property is set. */
    protected abstract boolean skipGoal();

    /** The name of the goal's own skip property, for the log. */
    protected abstract String skipProperty();

    /** The goal's work, once it is not skipped. */
    protected abstract void executeGoal() throws MojoExecutionException, MojoFailureException;

    /** The layered configuration: plugin {@code <properties>}, user and system properties, the project's file. */
    final ConfigSource configurationSource() throws MojoExecutionException {
        ConfigSource source = MojoConfiguration.layered(
                properties,
                session.getUserProperties(),
                System.getProperties(),
                project.getBasedir().toPath().resolve(MojoConfiguration.JUNIT_PLATFORM_PROPERTIES));
        // A misspelt key would leave its setting at the default without a word.
        RunSettings.resolve(source).unknownKeys().forEach(getLog()::warn);
        return source;
    }

    /** The run's settings, resolved once from {@link #configurationSource()}. */
    final RunSettings settings() throws MojoExecutionException {
        return RunSettings.resolve(configurationSource());
    }

    /** The goal's name as users type it, e.g. {@code rpt:tune}. */
    protected abstract String goalName();

    /** Where runs write their reports: {@code rpt.report.dir}, relative to the project, or {@code target/rpt}. */
    final Path reportDirectory(RptConfig config) {
        return project.getBasedir()
                .toPath()
                .resolve(config.string(RptConstants.REPORT_DIR)
                        .orElse(Path.of(project.getBuild().getDirectory(), "rpt")
                                .toString()));
    }

    /** The test phase's run report, or one clear error saying how to get one. */
    final RunReport lastRun(Path reportDirectory) throws MojoFailureException {
        return LastRun.read(reportDirectory, goalName());
    }

    /** Prints the simulator banner when {@code model} is the simulator. */
    final void warnIfSimulated(ModelInfo model, String role) {
        model.simulatorWarning(role).forEach(getLog()::warn);
    }
}
