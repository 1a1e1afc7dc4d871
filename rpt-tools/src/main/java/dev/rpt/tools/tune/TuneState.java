package dev.rpt.tools.tune;

import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one tune knows as it goes, shared by the loop and the tool handlers: the seed and the goals, the record
 * and the conversation, the evaluations so far, the patch waiting to be evaluated, and why the tune stops once it
 * does. Used from the tuner's thread only.
 */
final class TuneState {

    final PromptFile seed;
    final MetricBounds goals;
    final Instant started;
    final TuneRecorder recorder;
    final Conversation conversation;
    final List<Evaluation> evaluations = new ArrayList<>();

    /** Every case offered as a worked example so far, by id, with its latest answer. */
    final Map<String, WorkedExamples.Example> examplePool = new HashMap<>();

    /** The failure modes the pending patch targets; empty before the first patch. */
    List<String> pendingTargets = List.of();

    /** Text replies in a row without a tool call. */
    int nudges;

    /** Tool calls in a row with malformed arguments. */
    int malformed;

    private String stopReason;

    TuneState(PromptFile seed, MetricBounds goals, TuneRecorder recorder, Conversation conversation) {
        this.seed = seed;
        this.goals = goals;
        this.started = Instant.now();
        this.recorder = recorder;
        this.conversation = conversation;
    }

    /** The latest evaluation, if any. */
    Optional<Evaluation> latest() {
        return evaluations.isEmpty() ? Optional.empty() : Optional.of(evaluations.get(evaluations.size() - 1));
    }

    /** The candidate the next evaluation is compared with in the record: the latest, or the seed. */
    PromptFile previousCandidate() {
        return latest().map(Evaluation::candidate).orElse(seed);
    }

    void stop(String reason) {
        stopReason = reason;
    }

    boolean stopped() {
        return stopReason != null;
    }

    String stopReason() {
        return stopReason;
    }
}
