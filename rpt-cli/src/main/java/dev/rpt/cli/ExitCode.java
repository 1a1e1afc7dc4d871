package dev.rpt.cli;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ProviderStoppedException;
import dev.rpt.prompt.PromptFormatException;
import dev.rpt.tools.gate.BaselineException;
import dev.rpt.tools.gate.GateInputException;
import picocli.CommandLine;

/** The exit codes every command documents (docs/cli.md), and which failure maps to which. */
final class ExitCode {

    /** The command did its work and the verdict, if it gives one, passed. */
    static final int PASSED = 0;

    /** The verdict failed: the gate found a violation, or a tune stopped before it could finish. */
    static final int FAILED = 1;

    /** Bad input: an option, a key, a prompt, a case file, a missing report or an unreadable baseline. */
    static final int BAD_INPUT = 2;

    /** A model provider is unavailable: rejected key, missing model, no credit, or down. */
    static final int PROVIDER_UNAVAILABLE = 3;

    private ExitCode() {}

    /** The code of a command that failed with {@code failure}. */
    static int of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProviderStoppedException || cause instanceof ModelException) {
                return PROVIDER_UNAVAILABLE;
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigException
                    || cause instanceof GateInputException
                    || cause instanceof BaselineException
                    || cause instanceof PromptFormatException
                    || cause instanceof CommandLine.ParameterException) {
                return BAD_INPUT;
            }
        }
        return FAILED;
    }
}
