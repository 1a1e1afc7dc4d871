package dev.rpt.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Which split the cases of a {@link Cases} or {@link Case} annotation belong to. */
@API(status = EXPERIMENTAL, since = "0.1")
public enum CaseSplit {
    /** A {@code split} column decides, else a deterministic hash of the case id (see {@link PromptTest#holdoutFraction}). */
    AUTO,
    /** Optimization cases: the tuner shows their failures to the optimizer. */
    TUNE,
    /** Held-out cases: used to select and report, never shown to the optimizer. */
    HOLDOUT
}
