package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Why the model stopped producing output. */
@API(status = INTERNAL, since = "0.1")
public enum FinishReason {
    /** A natural end, or a stop sequence. */
    STOP,
    /** The token limit was reached; the output is truncated. */
    LENGTH,
    /** The model stopped to call tools. */
    TOOL_CALLS,
    /** The provider's content filter stopped it, or the model refused. */
    CONTENT_FILTER,
    /** A reason this version of rpt does not know. */
    OTHER
}
