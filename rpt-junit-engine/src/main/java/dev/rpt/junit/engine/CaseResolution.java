package dev.rpt.junit.engine;

import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.eval.AnswerAssertionError;
import dev.rpt.core.model.ProviderStoppedException;
import dev.rpt.core.verdict.ClassRules;
import java.util.Locale;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * Turns a case's samples into its test's result, under the rules every verdict uses ({@link ClassRules}). In a class
 * judged by its {@code @Thresholds}, a wrong answer is <em>tolerated</em>: the test is reported as aborted with the answer in its message, so Surefire and Gradle count it
 * as skipped and IDEs show it as ignored, the build goes on, and the class's thresholds test gives the verdict. A
 * must-pass case, an errored case (unless the class sets {@code maxErrorRate}) and every case of a class without
 * thresholds fail as before.
 *
 * <p>What is thrown carries no stack trace, except an exception from the user's own test code: a wrong answer or a
 * provider error is explained by its message, and a run of 3,000 cases should not print 3,000 stack traces.
 */
final class CaseResolution {

    /** What happened to a case, for the console line and the counts. */
    enum Kind {
        PASSED("passed"),
        WRONG_TOLERATED("WRONG (tolerated)"),
        WRONG("WRONG"),
        MUST_PASS_WRONG("WRONG (must pass)"),
        ERRORED_TOLERATED("ERRORED (tolerated)"),
        ERRORED("ERRORED"),
        NOT_SENT("NOT SENT"),
        TEST_CODE_ERROR("TEST CODE ERROR"),
        INFORMATIONAL("NOT PASSED (informational)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * A case's result.
     *
     * @param kind what happened
     * @param thrown what the test throws; empty when it passed
     */
    record Resolved(Kind kind, Optional<Throwable> thrown, Optional<String> detail, Optional<String> stopReason) {

        Resolved(Kind kind, Optional<Throwable> thrown) {
            this(kind, thrown, Optional.empty(), Optional.empty());
        }

        /** The first line of what to show on the console: the detail, or the message of what is thrown. */
        String line() {
            String message =
                    detail.orElseGet(() -> thrown.map(CaseResolution::message).orElse(""));
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
    }

    /**
     * What the samples of one case came to.
     *
     * @param samples how many were run
     * @param passed how many passed
     * @param wrong the first wrong answer's assertion error, or null
     * @param modelError the first error that kept the model from answering, or null
     * @param testCodeError the first exception the user's test method threw (not an assertion), or null
     */
    record Samples(
            int samples, int passed, AssertionError wrong, RuntimeException modelError, Throwable testCodeError) {}

    private CaseResolution() {}

    static Resolved resolve(String caseId, String className, ClassRules rules, boolean mustPass, Samples s) {
        String tally = s.samples() == 1 ? "" : " (passed " + s.passed() + " of " + s.samples() + " samples)";
        if (s.testCodeError() != null) {
            // The user's own code threw: its stack trace is what they need, so it is kept.
            return new Resolved(Kind.TEST_CODE_ERROR, Optional.of(s.testCodeError()));
        }
        if (s.modelError() != null) {
            RuntimeException error = s.modelError();
            String what = error.getClass().getSimpleName() + ": " + message(error);
            if (error instanceof ProviderStoppedException stopped) {
                CaseErroredException thrown = new CaseErroredException(message(error) + tally, null);
                thrown.setStackTrace(new StackTraceElement[0]);
                return new Resolved(
                        Kind.NOT_SENT, Optional.of(thrown), Optional.empty(), Optional.of(stopped.reason()));
            }
            if (rules.tolerates(mustPass, Verdict.ERRORED)) {
                return aborted(
                        Kind.ERRORED_TOLERATED,
                        "Errored, tolerated (" + simpleName(className) + " allows errors up to its @Thresholds"
                                + " maxErrorRate)" + tally + ": ",
                        what);
            }
            return failed(
                    Kind.ERRORED,
                    new CaseErroredException(
                            "Case '" + caseId + "' errored before an answer" + tally + ": " + what, null));
        }
        if (s.wrong() != null) {
            AssertionError wrong = s.wrong();
            if (rules.tolerates(mustPass, Verdict.FAILED)) {
                return aborted(
                        Kind.WRONG_TOLERATED,
                        "Wrong answer, tolerated (" + simpleName(className) + " is judged by its @Thresholds): ",
                        message(wrong) + tally);
            }
            if (mustPass) {
                return failed(
                        Kind.MUST_PASS_WRONG,
                        rephrased(
                                wrong,
                                "Must-pass case '" + caseId + "' answered wrong" + tally + ": " + message(wrong)));
            }
            if (!tally.isEmpty()) {
                return failed(
                        Kind.WRONG,
                        rephrased(
                                wrong,
                                "Case '" + caseId + "' must pass every sample" + tally + ". First failure: "
                                        + message(wrong)));
            }
            // The user's own assertion error, so that IDEs keep its expected and actual values for their diff view.
            return failed(Kind.WRONG, wrong);
        }
        return new Resolved(Kind.PASSED, Optional.empty());
    }

    /**
     * A case that was not sent because rpt stopped calling its provider. The first such case of a class on a model
     * fails with the one message that says why and what to do; the others are aborted with the reason (build tools
     * count them as skipped), so that a provider that is gone is one failure per class and model, not one per case.
     */
    static Resolved notSent(Resolved resolved, boolean first, String classKey) {
        String reason = resolved.stopReason().orElse(resolved.line());
        Throwable thrown;
        if (first) {
            thrown = new CaseErroredException(
                    classKey + ": rpt stopped " + reason + "\nThe other cases of " + classKey
                            + " that were not sent are reported as aborted (skipped), and the class is not judged;"
                            + " the run report has every case.",
                    null);
        } else {
            thrown = new TestAbortedException("Not sent: rpt stopped " + reason);
        }
        thrown.setStackTrace(new StackTraceElement[0]);
        return new Resolved(resolved.kind(), Optional.of(thrown), resolved.detail(), resolved.stopReason());
    }

    /**
     * A case of an informational model: whatever did not pass is reported as aborted, so the build goes on; the run
     * report keeps its outcome and the console shows its line.
     */
    static Resolved informational(Resolved resolved, String model) {
        if (resolved.kind() == Kind.PASSED) {
            return resolved;
        }
        return aborted(
                Kind.INFORMATIONAL,
                "Informational model '" + model + "' (measured, never failing the build), "
                        + resolved.kind().label.toLowerCase(Locale.ROOT) + ": ",
                resolved.line());
    }

    /** The failure under a new message, keeping its structured parts. */
    private static AnswerAssertionError rephrased(AssertionError wrong, String message) {
        return wrong instanceof AnswerAssertionError answerFailure
                ? answerFailure.withMessage(message)
                : new AnswerAssertionError(AnswerAssertionError.kindOf(wrong), message);
    }

    /** An aborted test: its message is {@code why} then {@code detail}; the console shows only the detail. */
    private static Resolved aborted(Kind kind, String why, String detail) {
        TestAbortedException thrown = new TestAbortedException(why + detail);
        thrown.setStackTrace(new StackTraceElement[0]);
        return new Resolved(kind, Optional.of(thrown), Optional.of(detail), Optional.empty());
    }

    private static Resolved failed(Kind kind, Throwable thrown) {
        thrown.setStackTrace(new StackTraceElement[0]);
        return new Resolved(kind, Optional.of(thrown));
    }

    static String message(Throwable error) {
        return error.getMessage() == null ? "(no message)" : error.getMessage();
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
