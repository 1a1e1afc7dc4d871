package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** What of an answer a {@link Criterion} is judged on. */
@API(status = EXPERIMENTAL, since = "0.3")
public enum Graded {
    /** The final reply: a structured reply's answer field, else the reply's text. */
    REPLY,
    /**
     * The whole trajectory of a tool-calling case, one line per step: each call with its arguments and what it
     * returned, then the step's text, the final reply last. For criteria about how the assistant got there, e.g.
     * "looks the order up before it refunds it".
     */
    TRAJECTORY
}
