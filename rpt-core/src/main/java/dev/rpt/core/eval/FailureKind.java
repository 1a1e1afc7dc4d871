package dev.rpt.core.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The machine-readable kind of a failed assertion. The run report records it, and the failure analysis starts from
 * it.
 */
@API(status = INTERNAL, since = "0.1")
public enum FailureKind {
    /** The answer has the right shape but the wrong value. */
    VALUE,
    /** The answer has the wrong shape: prose where a number was expected, invalid JSON, several candidates. */
    FORMAT,
    /** The answer, or a part of it such as the confidence, is absent. */
    MISSING,
    /** The confidence is outside the asserted bounds. */
    CONFIDENCE,
    /** A JSON answer does not match its schema. */
    SCHEMA,
    /** A judge found that the answer does not meet a {@code @Criterion}. */
    CRITERION,
    /** An assertion that does not say which kind it is, e.g. a plain AssertJ assertion. */
    OTHER;

    /** The name used in reports: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
