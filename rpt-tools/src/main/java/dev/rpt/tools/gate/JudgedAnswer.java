package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.files.Sha256;
import dev.rpt.core.report.CaseRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The judge's verdicts on one answer, as the baseline keeps them so that {@code rpt:check} can tell whether the judge
 * drifted. The answer is kept as its sha256 only: a verdict compared across runs says something about the judge only
 * when it graded the same answer both times.
 *
 * @param answerSha256 the sha256 of the graded answer's text, in lower-case hex
 * @param verdicts the judge's verdict on each criterion, in declaration order
 */
@API(status = INTERNAL, since = "0.2")
public record JudgedAnswer(String answerSha256, List<CriterionVerdict> verdicts) {

    public JudgedAnswer {
        Objects.requireNonNull(answerSha256, "answerSha256");
        verdicts = List.copyOf(verdicts);
    }

    /**
     * The judge's verdict on one criterion.
     *
     * @param criterion the criterion's id
     * @param probability the judge's probability that it is met
     * @param met whether it counted as met
     */
    public record CriterionVerdict(String criterion, double probability, boolean met) {

        public CriterionVerdict {
            Objects.requireNonNull(criterion, "criterion");
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException(
                        "criterion " + criterion + " has probability " + probability + " outside [0, 1]");
            }
        }
    }

    /** The judged answer of a case record; empty when the case errored or declares no criterion. */
    static Optional<JudgedAnswer> of(CaseRecord record) {
        if (record.verdict() == Verdict.ERRORED || record.judgements().isEmpty()) {
            return Optional.empty();
        }
        List<CriterionVerdict> verdicts = record.judgements().stream()
                .map(j -> new CriterionVerdict(j.criterion(), j.probability(), j.met()))
                .toList();
        return Optional.of(new JudgedAnswer(Sha256.hex(record.answer().orElse("")), verdicts));
    }

    /** The first scored sample's judged answer: the one sample both sides of a comparison are sure to have. */
    static Optional<JudgedAnswer> first(List<CaseRecord> records) {
        return records.stream()
                .filter(r -> r.verdict() != Verdict.ERRORED)
                .findFirst()
                .flatMap(JudgedAnswer::of);
    }

    /** The verdict on one criterion, if the judge gave one. */
    Optional<CriterionVerdict> verdict(String criterion) {
        return verdicts.stream().filter(v -> v.criterion().equals(criterion)).findFirst();
    }

    /** Whether {@code other} graded the very same answer text. */
    boolean sameAnswer(JudgedAnswer other) {
        return answerSha256.equals(other.answerSha256);
    }
}
