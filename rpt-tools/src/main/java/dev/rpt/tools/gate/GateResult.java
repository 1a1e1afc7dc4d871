package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * What the gate found in a run.
 *
 * @param violations every reason the run fails, one sentence each, prefixed with the class's simple name; empty when
 *     it passes
 * @param lines what the regression test compared, one line per metric and class, and its notes; for the build log
 * @param classes the prompt test classes of the run
 * @param cases the case records of the run
 * @param regression the comparison with the baseline, metric by metric; empty without a baseline
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record GateResult(
        List<String> violations, List<String> lines, int classes, int cases, Optional<RegressionReport> regression) {

    public GateResult {
        violations = List.copyOf(violations);
        lines = List.copyOf(lines);
        Objects.requireNonNull(regression, "regression");
    }

    /** A result without a comparison with a baseline. */
    public GateResult(List<String> violations, List<String> lines, int classes, int cases) {
        this(violations, lines, classes, cases, Optional.empty());
    }

    /**
     * This result with its violations and lines reworded for a front end's users, e.g. {@code rpt baseline} for {@code
     * mvn rpt:baseline} on the command line: its violations, lines and the comparison's notes; the numbers and the
     * answers of flipped cases are left as they are.
     */
    public GateResult reworded(UnaryOperator<String> wording) {
        return new GateResult(
                violations.stream().map(wording).toList(),
                lines.stream().map(wording).toList(),
                classes,
                cases,
                regression.map(report -> report.reworded(wording)));
    }

    /** Whether nothing fails the run. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /** The one message a build tool fails with, listing every violation. */
    public String failureMessage() {
        return "rpt:check found " + violations.size() + " problem(s):\n  - " + String.join("\n  - ", violations);
    }

    /** The line a build tool logs when the run passes. */
    public String passedMessage() {
        return "rpt:check passed: " + classes + " prompt test classes, " + cases + " case records.";
    }
}
