package dev.rpt.core.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The names of the functions the tuner's optimizer calls, in one place for both sides of the protocol: the tuner that
 * serves them (rpt-tools) and the simulator that plays the optimizer (rpt-sim), which cannot see rpt-tools. Renaming
 * one here renames it on both sides; the schemas and descriptions are the tuner's.
 */
@API(status = INTERNAL, since = "0.3")
public final class OptimizerFunctions {

    /** Runs the prompt tests on a candidate and returns the diagnostic report. */
    public static final String EVALUATE = "evaluate_prompt";

    /** Returns traces of one failure mode of the latest evaluation. */
    public static final String INSPECT = "inspect_failures";

    /** PATCH (the next candidate) or STOP. */
    public static final String DECIDE = "decide";

    /** Lists the optimization cases that may become worked examples. */
    public static final String EXAMPLES = "list_examples";

    private OptimizerFunctions() {}
}
