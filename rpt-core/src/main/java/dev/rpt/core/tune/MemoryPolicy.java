package dev.rpt.core.tune;

/** Which earlier diagnostic reports the optimizer keeps seeing in full. */
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
