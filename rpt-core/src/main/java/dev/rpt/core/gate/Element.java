package dev.rpt.core.gate;

/** What a {@link Rule} is applied to, after JaCoCo's elements. */
public enum Element {
    /** The whole run: every case of every class together. */
    RUN,
    /** Each prompt test class on its own. */
    CLASS,
    /** Each case on its own, over its samples ({@code rpt.repeat}); e.g. "each case passes at least 8 of 10". */
    CASE
}
