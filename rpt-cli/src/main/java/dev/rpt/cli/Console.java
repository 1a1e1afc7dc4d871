package dev.rpt.cli;

import dev.rpt.tools.flow.Wording;
import dev.rpt.tools.tune.ProjectTuning;
import java.io.PrintStream;

/**
 * Where a command's lines go: information to standard output, warnings to standard error, each reworded for the
 * command line ({@link Wording#COMMAND_LINE}: {@code rpt baseline}, not {@code mvn rpt:baseline}).
 */
final class Console {

    private Console() {}

    static ProjectTuning.Log log(PrintStream out, PrintStream err) {
        return ProjectTuning.Log.of(
                line -> out.println(Wording.COMMAND_LINE.apply(line)),
                line -> err.println("WARNING: " + Wording.COMMAND_LINE.apply(line)));
    }
}
