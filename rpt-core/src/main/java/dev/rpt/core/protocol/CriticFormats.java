package dev.rpt.core.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The names of the critic's two structured outputs, in one place for both sides of the protocol: the diagnosis that
 * asks (rpt-tools) and the simulator that plays the critic (rpt-sim), which cannot see rpt-tools. The judge's output
 * is {@code dev.rpt.core.judge.Judge#JUDGEMENT}, which both sides already share.
 */
@API(status = INTERNAL, since = "0.3")
public final class CriticFormats {

    /** Why one case failed: the failure modes the critic names for it. */
    public static final String CRITIQUE = "failure_critique";

    /** The critics' labels of an evaluation grouped into failure modes. */
    public static final String GROUPING = "failure_grouping";

    private CriticFormats() {}
}
