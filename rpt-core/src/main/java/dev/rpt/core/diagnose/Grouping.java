package dev.rpt.core.diagnose;

/** How an analysis grouped its failures into modes. */
public enum Grouping {
    /** Critique labels clustered by embeddings and k-means++. */
    EMBEDDINGS,
    /** Critique labels grouped by one {@code failure_grouping} call to the critic model. */
    LLM,
    /** Critique labels grouped only when equal after normalization (the other groupings failed or were absent). */
    EXACT,
    /** No critic: failures grouped by assertion kind and message pattern. */
    DETERMINISTIC,
    /** There were no failures. */
    NONE
}
