package dev.rpt.core.report;

import dev.rpt.api.Split;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.Verdict;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The case fixtures every module's tests share (rpt-core's test-jar): the three kinds of case the engine records,
 * with plausible traces. Each starts from a {@link CaseRecord.Builder}, so a test changes only what it is about, and a
 * new case field changes no fixture.
 */
public final class CaseRecords {

    private CaseRecords() {}

    /**
     * A case of {@code className}'s {@code solves} method on the optimization split with the given verdict: the
     * answer {@code 42} and the confidence unless it errored, and the failure or error its verdict needs.
     */
    public static CaseRecord.Builder of(String className, String id, Verdict verdict, OptionalDouble confidence) {
        CaseRecord.Builder builder = base(className, id, Split.TUNE).verdict(verdict);
        return switch (verdict) {
            case PASSED -> builder.answer("42").confidence(confidence);
            case FAILED ->
                builder.answer("42")
                        .confidence(confidence)
                        .failure(Optional.of(new CaseRecord.Failure("equals", "expected 41 but was 42")));
            case ERRORED -> builder.error(Optional.of(new CaseRecord.Failure("ModelTimeoutException", "no reply")));
        };
    }

    public static CaseRecord passed(String className, String id, Split split, OptionalDouble confidence) {
        return base(className, id, split)
                .verdict(Verdict.PASSED)
                .answer("answer " + id)
                .confidence(confidence)
                .usage(Usage.of(10, 5))
                .latencyMs(12)
                .build();
    }

    public static CaseRecord failed(
            String className, String id, Split split, OptionalDouble confidence, boolean format) {
        return base(className, id, split)
                .verdict(Verdict.FAILED)
                .answer("wrong " + id)
                .confidence(confidence)
                .formatError(format)
                .failure(Optional.of(new CaseRecord.Failure("equals", "expected 4 but was 5")))
                .usage(Usage.of(10, 5))
                .cached(true)
                .build();
    }

    public static CaseRecord errored(String className, String id, Split split) {
        return base(className, id, split)
                .verdict(Verdict.ERRORED)
                .error(Optional.of(new CaseRecord.Failure("ModelTimeoutException", "no reply within 30s")))
                .latencyMs(30_000)
                .build();
    }

    /** A case of {@code className}'s {@code solves} method with one question, {@code q-<id>}. */
    public static CaseRecord.Builder base(String className, String id, Split split) {
        return CaseRecord.builder(className, "solves", id).split(split).vars(Map.of("question", "q-" + id));
    }
}
