package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** How an analysis grouped its failures into modes. */
@API(status = INTERNAL, since = "0.1")
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
