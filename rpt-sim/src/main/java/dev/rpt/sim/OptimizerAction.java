package dev.rpt.sim;

import java.util.List;

/** What the scripted optimizer does next: one tool call of the tuner's protocol. */
sealed interface OptimizerAction {

    /** The name of the tool this action calls. */
    String tool();

    /** Call {@code evaluate_prompt} on the candidate's sections. */
    record Evaluate(Candidate candidate) implements OptimizerAction {
        @Override
        public String tool() {
            return OptimizerRole.EVALUATE;
        }
    }

    /** Call {@code inspect_failures} for a mode whose label names no remedy. */
    record Inspect(String mode, int limit) implements OptimizerAction {
        @Override
        public String tool() {
            return OptimizerRole.INSPECT;
        }
    }

    /** Call {@code decide} with PATCH: the candidate with one remedy sentence more. */
    record Patch(Candidate next, Remedy remedy, List<String> targets, String rationale) implements OptimizerAction {
        public Patch {
            targets = List.copyOf(targets);
        }

        @Override
        public String tool() {
            return OptimizerRole.DECIDE;
        }
    }

    /** Call {@code decide} with STOP. */
    record Stop(String reason, String rationale) implements OptimizerAction {
        @Override
        public String tool() {
            return OptimizerRole.DECIDE;
        }
    }
}
