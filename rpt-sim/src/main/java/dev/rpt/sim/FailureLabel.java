package dev.rpt.sim;

/**
 * The simulator critic's fixed vocabulary of failure-mode labels, one per mistake the simulated target makes. The
 * labels and definitions are documented in {@code docs/simulator.md}; change both together.
 */
enum FailureLabel {
    NO_ANSWER_GIVEN("no answer given", "The reply holds no usable answer, for example \"I don't know\"."),
    ANSWER_HOLDS_SEVERAL_NUMBERS(
            "answer holds several numbers",
            "The answer field is prose with more than one number, so a grader cannot tell which one is the answer."),
    ANSWER_HOLDS_EXTRA_WORDS(
            "answer holds extra words",
            "The answer field is a sentence around the chosen option, so it does not equal the expected answer."),
    UNIT_CONVERSION_SLIP(
            "unit conversion slip",
            "The model converted units where none was needed, so the value is off by a unit factor such as 60 or"
                    + " 100."),
    SKIPPED_FINAL_STEP(
            "skipped final step",
            "The model stopped one step early and reported an intermediate result as the final answer."),
    ARITHMETIC_SLIP(
            "arithmetic slip",
            "A calculation went wrong, for example a count off by one, so the final value is wrong."),
    WRONG_OPTION_CHOSEN(
            "wrong option chosen", "The model picked a wrong option or truth value on a multiple-choice question."),
    CRITERION_NOT_MET(
            "judged criterion not met",
            "The reply misses something a judged criterion asks for, such as an apology or the refund amount."),
    ACTED_BEFORE_LOOKING_UP(
            "acted before looking up the order",
            "The assistant refunded or changed an order without looking it up first, so its tool calls came out of"
                    + " order."),
    OVERCONFIDENT_WRONG_ANSWER(
            "overconfident wrong answer", "The model stated a confidence of 0.8 or more for an answer that failed.");

    /** The confidence from which a failed answer also counts as overconfident. */
    static final double OVERCONFIDENT_FROM = 0.8;

    private final String label;
    private final String definition;

    FailureLabel(String label, String definition) {
        this.label = label;
        this.definition = definition;
    }

    String label() {
        return label;
    }

    String definition() {
        return definition;
    }

    /** The vocabulary entry with exactly this label, or null. */
    static FailureLabel byLabel(String label) {
        for (FailureLabel candidate : values()) {
            if (candidate.label.equals(label)) {
                return candidate;
            }
        }
        return null;
    }
}
