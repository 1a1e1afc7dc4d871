package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Which earlier diagnostic reports the optimizer keeps seeing in full. */
@API(status = INTERNAL, since = "0.1")
public enum MemoryPolicy {
    /** Every report (the paper's default). */
    ALL,
    /** Only the latest report; earlier ones are dropped from the conversation. */
    LAST,
    /** The latest k reports ({@code rpt.tune.memory.k}, default 5). */
    LAST_K,
    /** Earlier reports shrink to one-line summaries; the latest stays in full. */
    SUMMARY
}
