package dev.rpt.cli;

import dev.rpt.tools.tune.ProjectTuning;
import java.io.PrintStream;

/** Where a command's lines go: information to standard output, warnings to standard error. */
final class Console {

    private Console() {}

    static ProjectTuning.Log log(PrintStream out, PrintStream err) {
        return ProjectTuning.Log.of(out::println, line -> err.println("WARNING: " + line));
    }
}
