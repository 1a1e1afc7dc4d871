package dev.rpt.junit.engine;

import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.cases.CaseProblem;
import dev.rpt.core.model.Excerpt;
import dev.rpt.core.thresholds.ThresholdResult;
import dev.rpt.junit.engine.CaseResolution.Kind;
import dev.rpt.junit.engine.CaseResolution.Resolved;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * What the engine prints, written for a person reading a CI log: one line per case that did not pass, up to a cap
 * per class after which one line counts the rest; one notice when the provider stopped answering; and at the end one
 * summary row per class with its metrics and the verdict of each threshold. Build tools print nothing for a test
 * they count as skipped, so these lines are where a tolerated wrong answer shows up in the console. Used from the
 * engine's thread only.
 */
final class ConsoleReport {

    /**
     * How much of a long case message the console keeps: its start, which says what was expected, and its end, where
     * the answer's judged or extracted part usually is. The run report has every message whole.
     */
    static final int MESSAGE_START = 200;

    static final int MESSAGE_END = 100;

    private final Consumer<String> out;
    private final int maxCaseLines;
    private final Map<String, Map<Kind, Integer>> counts = new LinkedHashMap<>();
    private boolean stopAnnounced;

    ConsoleReport(Consumer<String> out, int maxCaseLines) {
        this.out = out;
        this.maxCaseLines = maxCaseLines;
    }

    /** Counts a case and prints its line, unless it passed, was not sent, or the class's cap is reached. */
    void caseResolved(String className, String testName, Resolved resolved) {
        Map<Kind, Integer> byKind = counts.computeIfAbsent(className, name -> new EnumMap<>(Kind.class));
        byKind.merge(resolved.kind(), 1, Integer::sum);
        if (resolved.kind() == Kind.PASSED) {
            return;
        }
        if (resolved.kind() == Kind.NOT_SENT) {
            announceStop(resolved);
            return;
        }
        if (printed(byKind) <= maxCaseLines) {
            out.accept("[rpt]   " + resolved.kind().label + " " + CaseResolution.simpleName(className) + " " + testName
                    + ": " + Excerpt.startAndEnd(resolved.line(), MESSAGE_START, MESSAGE_END));
        }
    }

    /** After a class's cases: one line for the cases past the cap and those not sent, if any. */
    void classFinished(String className) {
        Map<Kind, Integer> byKind = counts.getOrDefault(className, Map.of());
        int hidden = Math.max(0, printed(byKind) - maxCaseLines);
        int notSent = byKind.getOrDefault(Kind.NOT_SENT, 0);
        List<String> parts = new ArrayList<>();
        // With the cap at 0 (as in a tune's candidate runs) the summary table alone counts the cases.
        if (hidden > 0 && maxCaseLines > 0) {
            parts.add(String.format(Locale.ROOT, "%,d", hidden) + " more " + (hidden == 1 ? "case" : "cases")
                    + " that did not pass (lines stop at " + maxCaseLines + " per class, rpt.output.max-case-lines)");
        }
        if (notSent > 0) {
            parts.add(String.format(Locale.ROOT, "%,d", notSent) + (notSent == 1 ? " case" : " cases")
                    + " not sent after the provider stopped");
        }
        if (!parts.isEmpty()) {
            out.accept("[rpt]   " + CaseResolution.simpleName(className) + ": " + String.join("; ", parts)
                    + ". The run report has every case.");
        }
    }

    /**
     * The summary table, one row per class.
     *
     * @param rows the classes in run order
     */
    void summary(List<ClassRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int nameWidth = Math.max(
                5, rows.stream().mapToInt(r -> r.simpleName().length()).max().orElse(5));
        String format = "[rpt] %-" + nameWidth + "s %7s %7s  %-22s %6s %6s %6s %7s %8s  %s";
        out.accept(String.format(
                Locale.ROOT,
                format,
                "class",
                "n",
                "errored",
                "accuracy [95% CI]",
                "ECE",
                "Brier",
                "skill",
                "format",
                "drop@80%",
                "verdict"));
        rows.forEach(row -> out.accept(summaryRow(format, row)));
        if (rows.stream().anyMatch(row -> row.metrics().withConfidence() > 0)) {
            // Said once, so that nobody reads the columns as the binned ECE or a bare Brier score.
            out.accept("[rpt] ECE: debiased (the binned ECE overstates it at small n; the run report has both)."
                    + " skill: Brier skill score, 1 - Brier / p(1-p) against always stating the base rate p (0: the"
                    + " confidence carries no information; 1: perfect).");
        }
        if (rows.stream().anyMatch(row -> row.detectableDrop().isPresent())) {
            out.accept("[rpt] drop@80%: the smallest accuracy drop rpt:check's regression test would catch 4 times in"
                    + " 5 against a baseline like this run, at these case counts (normal approximation; docs/ci.md,"
                    + " What the gate can see). Smaller drops pass unseen: add cases or rpt.repeat.");
        }
        rows.forEach(this::skippedRows);
    }

    /** One class's line of the summary table. */
    private String summaryRow(String format, ClassRow row) {
        Metrics m = row.metrics();
        String accuracy = m.accuracy().isPresent()
                ? String.format(Locale.ROOT, "%.3f", m.accuracy().getAsDouble())
                        + m.accuracyCi()
                                .map(ci -> String.format(Locale.ROOT, " [%.3f, %.3f]", ci.lower(), ci.upper()))
                                .orElse("")
                : "-";
        return String.format(
                Locale.ROOT,
                format,
                row.simpleName(),
                String.format(Locale.ROOT, "%,d", m.n()),
                String.format(Locale.ROOT, "%,d", m.errored()),
                accuracy,
                number(m.eceDebiased()),
                number(m.brier()),
                signed(m.brierSkill()),
                number(m.formatErrorRate()),
                row.detectableDrop().isPresent()
                        ? String.format(
                                Locale.ROOT, "%.3f", row.detectableDrop().getAsDouble())
                        : "-",
                verdict(row));
    }

    /** The rows a class left out under {@code rpt.cases.bad-rows=skip}, the first five named. */
    private void skippedRows(ClassRow row) {
        if (!row.skippedRows().isEmpty()) {
            List<String> where = row.skippedRows().stream()
                    .limit(5)
                    .map(p -> p.origin().toString())
                    .toList();
            int more = row.skippedRows().size() - where.size();
            out.accept("[rpt] " + row.simpleName() + ": "
                    + rows(row.skippedRows().size())
                    + " skipped (rpt.cases.bad-rows=skip), not judged: " + String.join(", ", where)
                    + (more > 0 ? " and " + more + " more" : "")
                    + ". The run report has each with its problem.");
        }
    }

    private static String signed(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%+.3f", value.getAsDouble()) : "-";
    }

    private static String rows(int n) {
        return String.format(Locale.ROOT, "%,d", n) + (n == 1 ? " bad row" : " bad rows");
    }

    private String verdict(ClassRow row) {
        Map<Kind, Integer> byKind = counts.getOrDefault(row.className(), Map.of());
        List<String> failing = new ArrayList<>();
        int mustPass = byKind.getOrDefault(Kind.MUST_PASS_WRONG, 0);
        int errored = byKind.getOrDefault(Kind.ERRORED, 0);
        int notSent = byKind.getOrDefault(Kind.NOT_SENT, 0);
        int wrong = byKind.getOrDefault(Kind.WRONG, 0);
        int codeErrors = byKind.getOrDefault(Kind.TEST_CODE_ERROR, 0);
        if (mustPass > 0) {
            failing.add(mustPass + " must-pass wrong");
        }
        if (wrong > 0) {
            failing.add(wrong + " wrong (every case must pass)");
        }
        if (errored > 0) {
            failing.add(errored + " errored");
        }
        if (notSent > 0) {
            failing.add(notSent + " not sent (rpt stopped calling the provider)");
        }
        if (codeErrors > 0) {
            failing.add(codeErrors + " test code " + (codeErrors == 1 ? "error" : "errors"));
        }
        int informational = byKind.getOrDefault(Kind.INFORMATIONAL, 0);
        if (informational > 0) {
            failing.add(informational + " not passed");
        }
        StringBuilder verdict = new StringBuilder();
        boolean passed = failing.isEmpty()
                && row.thresholds().map(ThresholdResult::passed).orElse(true);
        verdict.append(row.informational() ? "INFO" : passed ? "PASS" : "FAIL");
        row.thresholds()
                .ifPresent(result -> verdict.append(": ")
                        .append(String.join(
                                ", ",
                                result.checks().stream()
                                        .map(c -> c.bound() + (c.passed() ? " ok" : " FAILED"))
                                        .toList())));
        if (!failing.isEmpty()) {
            verdict.append(row.thresholds().isPresent() ? "; " : ": ").append(String.join(", ", failing));
        } else if (row.thresholds().isEmpty()) {
            verdict.append(": every case passed");
        }
        if (!row.skippedRows().isEmpty()) {
            verdict.append("; ").append(rows(row.skippedRows().size())).append(" skipped");
        }
        return verdict.toString();
    }

    private void announceStop(Resolved resolved) {
        if (stopAnnounced) {
            return;
        }
        stopAnnounced = true;
        out.accept("[rpt] STOPPED " + resolved.stopReason().orElse(resolved.line()));
        out.accept("[rpt] Per class and model, the first case not sent fails with this reason and the others are"
                + " aborted (counted as skipped); answers already received stay in the report.");
    }

    /** The cases of a class that get a line: every one that did not pass and was sent. */
    private static int printed(Map<Kind, Integer> byKind) {
        int sum = 0;
        for (Map.Entry<Kind, Integer> entry : byKind.entrySet()) {
            if (entry.getKey() != Kind.PASSED && entry.getKey() != Kind.NOT_SENT) {
                sum += entry.getValue();
            }
        }
        return sum;
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "-";
    }

    /**
     * One class in the summary, on one model.
     *
     * @param className the class, followed by {@code [model]} in a run that names its models
     * @param metrics its metrics over every sample
     * @param thresholds the verdict of its thresholds; empty for a class without them
     * @param informational whether the model is informational, so that the row is measured but neither passes nor
     *     fails
     * @param skippedRows the rows left out under {@code rpt.cases.bad-rows=skip}
     */
    record ClassRow(
            String className,
            Metrics metrics,
            Optional<ThresholdResult> thresholds,
            boolean informational,
            List<CaseProblem> skippedRows,
            OptionalDouble detectableDrop) {

        ClassRow(String className, Metrics metrics, Optional<ThresholdResult> thresholds, boolean informational) {
            this(className, metrics, thresholds, informational, List.of(), OptionalDouble.empty());
        }

        String simpleName() {
            return CaseResolution.simpleName(className);
        }
    }
}
