package dev.rpt.sim;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The optimizer's remedy table: one sentence per prompt trait, each containing a phrase {@link TraitDetector}
 * recognises, and the failure-mode labels it answers. Declaration order breaks prevalence ties: fixing the answer's
 * form first unmasks the other mistakes, and calibration comes last. Documented in {@code docs/simulator.md}.
 */
enum Remedy {
    ANSWER_ONLY(
            "answerOnly",
            // Worded for every task the sample covers: GSM8K's numbers and BIG-Bench Hard's lettered options.
            "In the answer field, give only the final answer, in the form the question asks for (a number, or an"
                    + " option letter such as (A)), and nothing else.",
            PromptTraits::answerOnly),
    STEP_BY_STEP(
            "stepByStep",
            "Work through the problem step by step and finish every step before you answer.",
            PromptTraits::stepByStep),
    CHECK_WORK(
            "checkWork",
            "Before you answer, check each step of your working again and correct any slip you find.",
            PromptTraits::checkWork),
    CHECK_UNITS(
            "checkUnits",
            "Check the units of every quantity and convert units only where the question asks for it.",
            PromptTraits::checkUnits),
    LOOK_UP_FIRST(
            "lookUpFirst",
            "Always look the order up with lookup_order before you refund or change it.",
            PromptTraits::lookUpFirst),
    CALIBRATE(
            "calibrate",
            "Your confidence should reflect the probability that your answer is correct.",
            PromptTraits::calibrate);

    private final String trait;
    private final String sentence;
    private final Predicate<PromptTraits> present;

    Remedy(String trait, String sentence, Predicate<PromptTraits> present) {
        this.trait = trait;
        this.sentence = sentence;
        this.present = present;
    }

    /** The trait's name, as docs/simulator.md spells it. */
    String trait() {
        return trait;
    }

    /** The sentence the optimizer appends to the system section. */
    String sentence() {
        return sentence;
    }

    /**
     * The sentence for a failure mode, worded for the task its label shows: a reply graded against criteria gets the
     * working-through remedy as checking the reply point by point, not as solving a problem step by step. The trait
     * it sets is the same.
     */
    String sentenceFor(String label) {
        if (this == STEP_BY_STEP && label.toLowerCase(Locale.ROOT).contains("criterion")) {
            return "Before you reply, go through everything the reply must say, point by point, and make sure it"
                    + " says each.";
        }
        return sentence;
    }

    /**
     * The remedy to try for this failure mode when the prompt already carries this one: a prompt that already works
     * through its steps ("Explain your reasoning") still slips on some, and checking each step again is what is left.
     * A judged reply has no such follow-up: re-reading a reply point by point is what its remedy already asks.
     */
    Optional<Remedy> followUp(String label) {
        if (this == STEP_BY_STEP && !label.toLowerCase(Locale.ROOT).contains("criterion")) {
            return Optional.of(CHECK_WORK);
        }
        return Optional.empty();
    }

    /** This remedy, or its {@link #followUp} when the prompt has this one: the first the prompt lacks. */
    Optional<Remedy> firstMissing(String label, PromptTraits traits) {
        if (!presentIn(traits)) {
            return Optional.of(this);
        }
        return followUp(label).flatMap(next -> next.firstMissing(label, traits));
    }

    /** Whether a prompt with these traits already carries the remedy. */
    boolean presentIn(PromptTraits traits) {
        return present.test(traits);
    }

    /**
     * The remedy for a failure-mode label, by keywords of the lower-cased label, first match wins: {@code before
     * looking}, {@code out of order} → look up first; {@code unit} →
     * check units; {@code overconfiden}, {@code confidence}, {@code calibrat} → calibrate; {@code several numbers},
     * {@code extra words}, {@code prose}, {@code format} → answer only; {@code skipped}, {@code step}, {@code arithmetic}, {@code miscount},
     * {@code wrong option}, {@code unstable}, {@code criterion}, or a label starting with {@code value} → step by step
     * (then, once the prompt has it, {@link #followUp check work}). Others (such as {@code no answer given}) have none.
     */
    static Optional<Remedy> forLabel(String label) {
        String lower = label.toLowerCase(Locale.ROOT).strip();
        if (containsAny(lower, "before looking", "out of order")) {
            return Optional.of(LOOK_UP_FIRST);
        }
        if (lower.contains("unit")) {
            return Optional.of(CHECK_UNITS);
        }
        if (containsAny(lower, "overconfiden", "confidence", "calibrat")) {
            return Optional.of(CALIBRATE);
        }
        if (containsAny(lower, "several numbers", "extra words", "prose", "format")) {
            return Optional.of(ANSWER_ONLY);
        }
        // A case that passes only sometimes is one the model gets right with a middling probability: working through
        // the steps raises that probability on long problems, so fewer samples go wrong.
        if (containsAny(lower, "skipped", "step", "arithmetic", "miscount", "wrong option", "unstable", "criterion")
                || lower.startsWith("value")) {
            return Optional.of(STEP_BY_STEP);
        }
        return Optional.empty();
    }

    private static boolean containsAny(String text, String... keywords) {
        for (String keyword : keywords) {
            if (text.contains(keyword)) {
                return true;
            }
        }
        return false;
    }
}
