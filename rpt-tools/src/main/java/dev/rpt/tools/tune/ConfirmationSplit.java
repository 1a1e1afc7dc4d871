package dev.rpt.tools.tune;

import dev.rpt.api.Split;
import dev.rpt.core.cases.HoldoutSplit;
import dev.rpt.core.report.CaseRecord;

/**
 * Which held-out cases confirm rather than select: a case is kept for confirmation when the hash of its class, method
 * and id falls below the fraction, drawn as the holdout split is ({@link HoldoutSplit}) but with its own salt. The
 * same case is on the same side in every iteration, so each candidate is ranked on the same selection cases and the
 * winner is confirmed on cases none of them was ranked on.
 */
final class ConfirmationSplit {

    private final HoldoutSplit draw;

    ConfirmationSplit(double fraction) {
        this.draw = HoldoutSplit.of(fraction, AdoptionPolicy.SALT);
    }

    /** Whether a held-out case confirms; a tune-split case never does. */
    boolean confirms(CaseRecord record) {
        return record.split() == Split.HOLDOUT && draw.assign(key(record)) == Split.HOLDOUT;
    }

    /** Whether the held-out case with this {@link #key} confirms. */
    boolean confirms(String key) {
        return draw.assign(key) == Split.HOLDOUT;
    }

    /** Whether a held-out case ranks candidates. */
    boolean selects(CaseRecord record) {
        return record.split() == Split.HOLDOUT && !confirms(record);
    }

    /** What identifies a case across runs: its class (and model), method and id, not its sample. */
    static String key(CaseRecord record) {
        return record.key().qualified();
    }
}
