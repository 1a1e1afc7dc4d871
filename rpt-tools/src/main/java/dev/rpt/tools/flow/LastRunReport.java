package dev.rpt.tools.flow;

import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.tools.gate.GateInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test run's report that the gate's flows read, or one clear error saying how to get one. */
final class LastRunReport {

    private LastRunReport() {}

    /**
     * @param command what the user ran, e.g. {@code rpt:check}, for the message
     * @param runTests how the user runs the tests, e.g. {@code run mvn verify (or mvn test rpt:check)}
     */
    static RunReport read(Path reportDirectory, String command, String runTests) throws IOException {
        Path file = reportDirectory.resolve(RunReportWriter.LAST_RUN);
        if (!Files.isRegularFile(file)) {
            throw new GateInputException("No run report at " + file + ". " + command
                    + " reads the report of the test run: " + runTests + ".");
        }
        return RunReport.read(file);
    }
}
