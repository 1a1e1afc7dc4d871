package dev.rpt.maven;

import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;

/** The test phase's run report, which {@code rpt:check}, {@code rpt:baseline} and {@code rpt:report} read. */
final class LastRun {

    private LastRun() {}

    /** The report, or one clear error saying how to get one. */
    static RunReport read(Path reportDirectory, String goal) throws MojoFailureException {
        Path file = reportDirectory.resolve(RunReportWriter.LAST_RUN);
        if (!Files.isRegularFile(file)) {
            throw new MojoFailureException("No run report at " + file + ". " + goal
                    + " reads the report of the test phase: run mvn verify (or mvn test " + goal + ").");
        }
        try {
            return RunReport.read(file);
        } catch (IOException e) {
            throw new MojoFailureException("Cannot read the run report " + file + ": " + e.getMessage(), e);
        }
    }
}
