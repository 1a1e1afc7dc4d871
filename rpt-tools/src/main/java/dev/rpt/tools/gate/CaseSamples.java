package dev.rpt.tools.gate;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.report.CaseRecord;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The samples of one case folded into one outcome, so that paired tests see one pair per case whatever {@code
 * rpt.repeat} was.
 *
 * @param samples how many records the case has
 * @param passes how many of them passed
 * @param errored how many of them errored
 * @param confidence the mean confidence of the scored samples that have one; empty when none has
 * @param scoredOutcomes the outcome of every scored sample, in report order
 */
record CaseSamples(int samples, int passes, int errored, OptionalDouble confidence, List<CaseOutcome> scoredOutcomes) {

    CaseSamples {
        scoredOutcomes = List.copyOf(scoredOutcomes);
    }

    static CaseSamples of(List<CaseRecord> records) {
        int passes = 0;
        int errored = 0;
        for (CaseRecord record : records) {
            if (record.verdict() == Verdict.PASSED) {
                passes++;
            } else if (record.verdict() == Verdict.ERRORED) {
                errored++;
            }
        }
        OptionalDouble confidence = records.stream()
                .filter(r -> r.verdict() != Verdict.ERRORED)
                .filter(r -> r.confidence().isPresent())
                .mapToDouble(r -> r.confidence().getAsDouble())
                .average();
        List<CaseOutcome> scored = records.stream()
                .filter(r -> r.verdict() != Verdict.ERRORED)
                .map(CaseRecord::outcome)
                .toList();
        return new CaseSamples(records.size(), passes, errored, confidence, scored);
    }

    /** The scored samples. */
    int scored() {
        return samples - errored;
    }

    /** Whether no sample produced an answer: the case says nothing about the prompt. */
    boolean allErrored() {
        return scored() == 0;
    }

    /** pass^N: every scored sample passed. With one sample, simply whether it passed. */
    boolean passedAll() {
        return !allErrored() && passes == scored();
    }

    /** The verdict of the folded case. */
    Verdict verdict() {
        if (allErrored()) {
            return Verdict.ERRORED;
        }
        return passedAll() ? Verdict.PASSED : Verdict.FAILED;
    }
}
