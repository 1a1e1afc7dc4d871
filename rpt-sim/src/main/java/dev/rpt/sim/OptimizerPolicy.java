package dev.rpt.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.core.model.Excerpt;
import dev.rpt.sim.ReportView.Mode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The scripted optimizer's policy: evaluate the candidate, then patch the most prevalent failure mode whose remedy is
 * not in the prompt yet, then calibration, then stop. One remedy per decision, so every patch traces to one mode. The
 * policy is documented in {@code docs/simulator.md}.
 */
final class OptimizerPolicy {

    /** How many traces the optimizer asks {@code inspect_failures} for. */
    static final int INSPECT_LIMIT = 5;

    static final String CALIBRATION_TARGET = FailureLabel.OVERCONFIDENT_WRONG_ANSWER.label();

    private OptimizerPolicy() {}

    /**
     * The next action.
     *
     * @param mayInspect whether {@code inspect_failures} is offered and allowed in this turn
     */
    static OptimizerAction next(OptimizerState state, boolean mayInspect) {
        if (state.rejection() != null) {
            return stop("the tuner rejected my last patch: " + Excerpt.of(state.rejection()));
        }
        if (state.reportError() != null) {
            return stop("evaluate_prompt failed: " + Excerpt.of(state.reportError()));
        }
        ReportView report = state.report();
        if (report == null) {
            return new OptimizerAction.Evaluate(state.candidate());
        }
        return decide(state, report, mayInspect);
    }

    /** PATCH or STOP on the report at hand, or an inspection first when the top mode names no remedy. */
    static OptimizerAction decide(OptimizerState state, ReportView report, boolean mayInspect) {
        String numbers = numbers(report);
        if (report.goalsMet()) {
            String reason = String.format(
                    Locale.ROOT,
                    "goals met: accuracy %.3f (goal ≥ %.2f), ECE %.3f (goal ≤ %.2f)",
                    report.accuracy(),
                    report.minAccuracy(),
                    report.ece(),
                    report.maxEce());
            return new OptimizerAction.Stop(reason, numbers + " The goals are met, so I stop.");
        }
        Candidate candidate = state.candidate();
        PromptTraits traits = candidate.traits();
        List<Mode> modes = ordered(report.modes());
        List<String> remedied = new ArrayList<>();
        for (int i = 0; i < modes.size(); i++) {
            Mode mode = modes.get(i);
            Optional<Remedy> remedy = Remedy.forLabel(mode.label());
            String evidence = "";
            if (remedy.isEmpty() && i == 0) {
                if (state.inspected() == null && mayInspect) {
                    return new OptimizerAction.Inspect(mode.label(), INSPECT_LIMIT);
                }
                if (state.inspected() != null) {
                    Optional<FailureLabel> seen = mostFrequent(state.inspected(), traits);
                    remedy = seen.flatMap(label -> Remedy.forLabel(label.label()));
                    evidence = seen.map(label -> " Its label names no remedy; inspect_failures shows its traces as '"
                                    + label.label() + "'.")
                            .orElse("");
                }
            }
            Optional<Remedy> missing = remedy.flatMap(known -> known.firstMissing(mode.label(), traits));
            if (missing.isPresent()) {
                String rationale = numbers
                        + String.format(
                                Locale.ROOT,
                                " The most prevalent failure mode without its remedy in the prompt is '%s' (%d failed"
                                        + " cases, prevalence %.2f).",
                                mode.label(),
                                mode.count(),
                                mode.prevalence())
                        + evidence + remedied(remedied) + followedUp(remedy.get(), missing.get()) + " Remedy ("
                        + missing.get().trait() + "): append \""
                        + missing.get().sentenceFor(mode.label()) + "\" to the system section.";
                return new OptimizerAction.Patch(
                        candidate.withSentence(missing.get().sentenceFor(mode.label())),
                        missing.get(),
                        List.of(mode.label()),
                        rationale);
            }
            if (remedy.isPresent()) {
                remedied.add(mode.label());
            }
        }
        return calibrateOrStop(report, candidate, numbers, modes, remedied);
    }

    /** With no failure mode left to fix: the calibration remedy when calibration is off and not yet asked, else STOP. */
    private static OptimizerAction calibrateOrStop(
            ReportView report, Candidate candidate, String numbers, List<Mode> modes, List<String> remedied) {
        PromptTraits traits = candidate.traits();
        boolean eceAboveGoal = !Double.isNaN(report.maxEce()) && report.ece() > report.maxEce();
        if (!traits.calibrate() && (eceAboveGoal || report.overconfidentWrong() > 0)) {
            String rationale = numbers
                    + String.format(
                            Locale.ROOT,
                            " No failure mode is left to fix, but calibration is off: ECE %.3f against the goal %.2f,"
                                    + " %d overconfident wrong answers.",
                            report.ece(),
                            report.maxEce(),
                            report.overconfidentWrong())
                    + " Remedy (calibrate): append \"" + Remedy.CALIBRATE.sentence() + "\" to the system section.";
            return new OptimizerAction.Patch(
                    candidate.withRemedy(Remedy.CALIBRATE), Remedy.CALIBRATE, List.of(CALIBRATION_TARGET), rationale);
        }
        String reason = modes.isEmpty()
                ? "no remedy left: the report names no failure mode and calibration needs no fix"
                : "no remedy left: every failure mode's remedy is already in the prompt or none is known";
        return new OptimizerAction.Stop(reason, numbers + remedied(remedied) + " Nothing I know would help.");
    }

    /** Most prevalent first; ties go to the remedy that comes first in {@link Remedy}, modes without one last. */
    static List<Mode> ordered(List<Mode> modes) {
        Comparator<Mode> byPrevalence =
                Comparator.comparingDouble(Mode::prevalence).reversed();
        Comparator<Mode> byRemedy = Comparator.comparingInt(
                mode -> Remedy.forLabel(mode.label()).map(Remedy::ordinal).orElse(Remedy.values().length));
        List<Mode> ordered = new ArrayList<>(modes);
        ordered.sort(byPrevalence.thenComparing(byRemedy));
        return ordered;
    }

    /** The vocabulary label most traces show whose remedy the prompt lacks; ties go to vocabulary order. */
    private static Optional<FailureLabel> mostFrequent(JsonNode inspected, PromptTraits traits) {
        Map<FailureLabel, Integer> counts = new EnumMap<>(FailureLabel.class);
        for (JsonNode trace : inspected.path("traces")) {
            for (Critique critique : FailureClassifier.classify(CaseEvidence.of(trace))) {
                String label = critique.label().label();
                boolean open = Remedy.forLabel(label)
                        .flatMap(remedy -> remedy.firstMissing(label, traits))
                        .isPresent();
                if (open) {
                    counts.merge(critique.label(), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .max(Map.Entry.<FailureLabel, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey);
    }

    private static String followedUp(Remedy known, Remedy missing) {
        return known == missing
                ? ""
                : " The prompt already has its first remedy (" + known.trait() + "), so I try the next.";
    }

    private static String numbers(ReportView report) {
        return String.format(
                Locale.ROOT,
                "Iteration %d: accuracy %.3f, ECE %.3f, %d overconfident wrong answers.",
                report.iteration(),
                report.accuracy(),
                report.ece(),
                report.overconfidentWrong());
    }

    private static String remedied(List<String> labels) {
        return labels.isEmpty()
                ? ""
                : " Already remedied in the prompt: "
                        + String.join(
                                ", ",
                                labels.stream().map(label -> "'" + label + "'").toList()) + ".";
    }

    private static OptimizerAction.Stop stop(String reason) {
        return new OptimizerAction.Stop(reason, "I cannot go on: " + reason + ".");
    }
}
