package dev.rpt.core.verdict;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.model.Excerpt;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import org.apiguardian.api.API;

/**
 * The samples of one class that did not pass, case by case, as the run records them: enough to say which cases fail
 * the class and why, without keeping every answer. Only a case with a sample that did not pass is kept, with the
 * first message of each verdict, so a class of 10,000 passing cases costs nothing here.
 *
 * <p>Not thread-safe; the run report's writer feeds it under its own lock.
 */
@API(status = INTERNAL, since = "0.3")
public final class CaseFindings {

    /** Cases named one by one in a problem; the rest are counted. */
    static final int NAMED_CASES = 5;

    private final Map<String, Finding> byCase = new LinkedHashMap<>();

    /** One case's samples that did not pass: whether it must pass, and the first message of each verdict. */
    private record Finding(boolean mustPass, Map<Verdict, String> firstMessage) {}

    /**
     * Adds one sample.
     *
     * @param caseName the case as messages name it, e.g. {@code solves[q7]}
     * @param mustPass whether the case must pass
     * @param verdict the sample's verdict
     * @param message the sample's failure or error message; empty when it passed or has none
     */
    public void add(String caseName, boolean mustPass, Verdict verdict, String message) {
        Objects.requireNonNull(caseName, "caseName");
        Objects.requireNonNull(verdict, "verdict");
        if (verdict == Verdict.PASSED) {
            return;
        }
        byCase.computeIfAbsent(caseName, name -> new Finding(mustPass, new EnumMap<>(Verdict.class)))
                .firstMessage()
                .putIfAbsent(verdict, message == null ? "" : message);
    }

    /**
     * What fails the class among its cases under these rules, one sentence per kind of problem, with up to five cases
     * named and the rest counted; empty when the class tolerates every sample.
     */
    public List<String> problems(ClassRules rules) {
        List<String> problems = new ArrayList<>();
        if (rules.statistical()) {
            add(
                    problems,
                    (finding, verdict) -> finding.mustPass() && verdict == Verdict.FAILED,
                    "must-pass case answered wrong",
                    "must-pass cases answered wrong",
                    "a must-pass case fails the build even in a class judged by its thresholds");
            add(
                    problems,
                    (finding, verdict) -> verdict == Verdict.ERRORED && !rules.tolerates(finding.mustPass(), verdict),
                    "case errored",
                    "cases errored",
                    rules.errorsAllowed()
                            ? "a must-pass case must not error"
                            : "an errored case says nothing about the prompt; fix the errors, or tolerate some with"
                                    + " @Thresholds(maxErrorRate = ...)");
        } else {
            add(
                    problems,
                    (finding, verdict) -> true,
                    "case did not pass",
                    "cases did not pass",
                    "a class without @Thresholds needs every case to pass; add @Thresholds to judge it as a whole");
        }
        return problems;
    }

    private void add(List<String> problems, BiPredicate<Finding, Verdict> bad, String one, String many, String why) {
        List<String> named = new ArrayList<>();
        int count = 0;
        for (Map.Entry<String, Finding> entry : byCase.entrySet()) {
            Finding finding = entry.getValue();
            var first = finding.firstMessage().entrySet().stream()
                    .filter(message -> bad.test(finding, message.getKey()))
                    .findFirst();
            if (first.isEmpty()) {
                continue;
            }
            count++;
            if (named.size() < NAMED_CASES) {
                String message = first.get().getValue();
                named.add(entry.getKey() + (message.isEmpty() ? "" : " (" + Excerpt.of(message, 160) + ")"));
            }
        }
        if (count > 0) {
            problems.add(count + " " + (count == 1 ? one : many) + ": " + String.join("; ", named)
                    + (count > named.size() ? "; and " + (count - named.size()) + " more" : "") + ". Why: " + why
                    + ".");
        }
    }
}
