package dev.rpt.core.report;

import dev.rpt.api.Split;
import dev.rpt.api.Usage;
import dev.rpt.core.calibration.Verdict;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Builds the three kinds of case the engine records, with plausible traces, for the report tests. */
final class CaseRecords {

    private CaseRecords() {}

    static CaseRecord passed(String className, String id, Split split, OptionalDouble confidence) {
        return new CaseRecord(
                className,
                "solves",
                id,
                split,
                Map.of("question", "q-" + id),
                Verdict.PASSED,
                Optional.of("answer " + id),
                confidence,
                false,
                Optional.empty(),
                Optional.empty(),
                Usage.of(10, 5),
                false,
                12);
    }

    static CaseRecord failed(String className, String id, Split split, OptionalDouble confidence, boolean format) {
        return new CaseRecord(
                className,
                "solves",
                id,
                split,
                Map.of("question", "q-" + id),
                Verdict.FAILED,
                Optional.of("wrong " + id),
                confidence,
                format,
                Optional.of(new CaseRecord.Failure("equals", "expected 4 but was 5")),
                Optional.empty(),
                Usage.of(10, 5),
                true,
                0);
    }

    static CaseRecord errored(String className, String id, Split split) {
        return new CaseRecord(
                className,
                "solves",
                id,
                split,
                Map.of("question", "q-" + id),
                Verdict.ERRORED,
                Optional.empty(),
                OptionalDouble.empty(),
                false,
                Optional.empty(),
                Optional.of(new CaseRecord.Failure("ModelTimeoutException", "no reply within 30s")),
                Usage.ZERO,
                false,
                30_000);
    }
}
