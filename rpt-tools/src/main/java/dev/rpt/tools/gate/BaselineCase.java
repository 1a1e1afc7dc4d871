package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.report.CaseKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * One case in a baseline: its samples folded into one outcome and, for a repeated case, every sample's outcome.
 *
 * @param method the test method
 * @param id the case id
 * @param verdict passed (every scored sample passed), failed, or errored (no sample produced an answer; only in a
 *     forced baseline)
 * @param confidence the mean stated confidence of the scored samples; empty when none stated one
 * @param samples the case's samples in the run, 1 unless the run repeated cases
 * @param passes how many samples passed
 * @param sampleOutcomes with more than one sample, each sample's outcome in run order (so that the regression test
 *     can compare pass rates and calibration sample by sample); empty for a single sample, whose outcome is {@code
 *     verdict} and {@code confidence}
 * @param judged for a judged case, the judge's verdicts on its first scored sample's answer, so that {@code rpt:check}
 *     can compare the judge with itself on answers it graded both times; empty otherwise
 * @param answer the first scored sample's answer, so that a case that flips can be shown with both answers; empty in
 *     baselines written before rpt recorded it
 */
@API(status = INTERNAL, since = "0.1")
public record BaselineCase(
        String method,
        String id,
        Verdict verdict,
        OptionalDouble confidence,
        int samples,
        int passes,
        List<CaseOutcome> sampleOutcomes,
        Optional<JudgedAnswer> judged,
        Optional<String> answer) {

    /** A case whose answer the baseline does not hold. */
    public BaselineCase(
            String method,
            String id,
            Verdict verdict,
            OptionalDouble confidence,
            int samples,
            int passes,
            List<CaseOutcome> sampleOutcomes,
            Optional<JudgedAnswer> judged) {
        this(method, id, verdict, confidence, samples, passes, sampleOutcomes, judged, Optional.empty());
    }

    public BaselineCase {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(judged, "judged");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(confidence, "confidence");
        sampleOutcomes = List.copyOf(sampleOutcomes);
        if (samples < 1 || passes < 0 || passes > samples) {
            throw new IllegalArgumentException("case " + method + "[" + id + "] needs 1 <= samples and 0 <= passes"
                    + " <= samples, got samples=" + samples + ", passes=" + passes);
        }
        if (confidence.isPresent() && !(confidence.getAsDouble() >= 0 && confidence.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(
                    "case " + method + "[" + id + "] has confidence " + confidence.getAsDouble() + " outside [0, 1]");
        }
        int expected = samples == 1 ? 0 : samples;
        if (sampleOutcomes.size() != expected) {
            throw new IllegalArgumentException("case " + method + "[" + id + "] has " + samples + " samples, so it"
                    + " needs " + expected + " sample outcomes, got " + sampleOutcomes.size());
        }
        long passed = sampleOutcomes.stream().filter(CaseOutcome::correct).count();
        if (samples > 1 && passed != passes) {
            throw new IllegalArgumentException("case " + method + "[" + id + "] counts " + passes + " passes, but"
                    + " its sample outcomes hold " + passed);
        }
    }

    /** A case that no judge graded. */
    public BaselineCase(
            String method,
            String id,
            Verdict verdict,
            OptionalDouble confidence,
            int samples,
            int passes,
            List<CaseOutcome> sampleOutcomes) {
        this(method, id, verdict, confidence, samples, passes, sampleOutcomes, Optional.empty());
    }

    /** A case that ran once. */
    public static BaselineCase single(String method, String id, Verdict verdict, OptionalDouble confidence) {
        return new BaselineCase(method, id, verdict, confidence, 1, verdict == Verdict.PASSED ? 1 : 0, List.of());
    }

    /**
     * One case of a pooled baseline: the earlier samples, then the fresh ones. Passed only when every scored sample
     * passed, as for a repeated case; its confidence is the mean of the scored samples'.
     */
    static BaselineCase pooled(BaselineCase earlier, BaselineCase fresh) {
        List<CaseOutcome> samples = new java.util.ArrayList<>(earlier.allSamples());
        samples.addAll(fresh.allSamples());
        List<CaseOutcome> scored = samples.stream().filter(CaseOutcome::scored).toList();
        Verdict verdict = scored.isEmpty()
                ? Verdict.ERRORED
                : scored.stream().allMatch(CaseOutcome::correct) ? Verdict.PASSED : Verdict.FAILED;
        OptionalDouble confidence = scored.stream()
                .filter(o -> o.confidence().isPresent())
                .mapToDouble(o -> o.confidence().getAsDouble())
                .average();
        return new BaselineCase(
                fresh.method(),
                fresh.id(),
                verdict,
                confidence,
                samples.size(),
                (int) samples.stream().filter(CaseOutcome::correct).count(),
                samples,
                fresh.judged(),
                fresh.answer());
    }

    /** This case with the answer it records. */
    BaselineCase withAnswer(Optional<String> recorded) {
        return new BaselineCase(method, id, verdict, confidence, samples, passes, sampleOutcomes, judged, recorded);
    }

    /** Every sample's outcome, a single sample's included. */
    private List<CaseOutcome> allSamples() {
        return samples == 1 ? List.of(new CaseOutcome(verdict, confidence, false)) : sampleOutcomes;
    }

    /** The outcomes of the samples that produced an answer. */
    List<CaseOutcome> scoredSamples() {
        if (samples == 1) {
            return verdict == Verdict.ERRORED ? List.of() : List.of(new CaseOutcome(verdict, confidence, false));
        }
        return sampleOutcomes.stream().filter(CaseOutcome::scored).toList();
    }

    /** This case's identity in the class {@code classKey}. */
    CaseKey key(String classKey) {
        return new CaseKey(classKey, method, id);
    }
}
