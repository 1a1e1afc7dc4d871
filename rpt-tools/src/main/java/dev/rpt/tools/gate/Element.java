package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** What a {@link Rule} is applied to, after JaCoCo's elements. */
@API(status = INTERNAL, since = "0.1")
public enum Element {
    /** The whole run: every case of every class together. */
    RUN,
    /** Each prompt test class on its own. */
    CLASS,
    /** Each case on its own, over its samples ({@code rpt.repeat}); e.g. "each case passes at least 8 of 10". */
    CASE
}
