package dev.rpt.cli;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.tools.flow.Wording;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The rpt command line: {@code tune}, {@code diagnose}, {@code estimate}, {@code check}, {@code baseline}, {@code
 * report} and {@code cache}, over the
 * same flows as the Maven goals, for Gradle and any CI. Exit codes: 0 passed, 1 the verdict failed, 2 bad input, 3 a
 * model provider unavailable (docs/cli.md).
 */
@API(status = INTERNAL, since = "0.3")
@Command(
        name = "rpt",
        mixinStandardHelpOptions = true,
        versionProvider = Rpt.Version.class,
        description = "Reflective Prompt Tuning for the JVM: tune, diagnose and gate a project's prompts.",
        subcommands = {
            TuneCommand.Tune.class,
            TuneCommand.Diagnose.class,
            TuneCommand.Estimate.class,
            GateCommand.Check.class,
            GateCommand.Baseline.class,
            ReportCommand.Report.class,
            ReportCommand.Cache.class
        })
public final class Rpt implements Callable<Integer> {

    /** Runs one command and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code, for tests and embedding. */
    static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Rpt());
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("rpt: " + e.getMessage());
            e.getCommandLine().usage(err);
            return ExitCode.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("rpt " + line.getCommandName() + ": " + Wording.COMMAND_LINE.apply(e.getMessage()));
            return ExitCode.of(e);
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return ExitCode.BAD_INPUT;
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Rpt.class.getPackage().getImplementationVersion();
            return new String[] {"rpt " + (version == null ? "(development build)" : version)};
        }
    }
}
