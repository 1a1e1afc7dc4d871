package dev.rpt.tools.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code evaluate_prompt}: runs the diagnostic function on a candidate, reports, and stops the tune when a rule says. */
final class EvaluateHandler implements ToolHandler {

    private final TuneSettings settings;
    private final DiagnosticFunction diagnostic;
    private final CandidateBuilder candidates;
    private final StopRules rules;
    private final ProgressText text;
    private final Consumer<String> progress;

    EvaluateHandler(
            TuneSettings settings,
            DiagnosticFunction diagnostic,
            CandidateBuilder candidates,
            StopRules rules,
            ProgressText text,
            Consumer<String> progress) {
        this.settings = settings;
        this.diagnostic = diagnostic;
        this.candidates = candidates;
        this.rules = rules;
        this.text = text;
        this.progress = progress;
    }

    @Override
    public void handle(ToolCall call, JsonNode arguments, TuneState state) throws IOException {
        if (state.evaluations.size() >= settings.maxIterations()) {
            state.conversation.add(ChatMessage.toolError(
                    call.id(),
                    "The evaluation budget of " + settings.maxIterations() + " is used up. Call decide with STOP."));
            state.stop("reached rpt.tune.max-iterations (" + settings.maxIterations() + ")");
            return;
        }
        Optional<PromptFile> candidate = candidates.candidate(state, arguments, call);
        if (candidate.isEmpty()) {
            return;
        }
        int iteration = state.evaluations.size() + 1;
        Path directory = state.recorder.iterationDirectory(iteration);
        Evaluation evaluation = diagnostic.evaluate(iteration, candidate.get(), state.pendingTargets, directory);
        state.recorder.evaluation(evaluation, state.previousCandidate());
        state.evaluations.add(evaluation);
        diagnostic.exampleCases().forEach(example -> state.examplePool.put(example.id(), example));
        state.conversation.addReport(call.id(), evaluation);
        progress.accept(text.line(evaluation, state.pendingTargets, state.started, rules.usage(state.evaluations)));
        rules.afterEvaluation(state, evaluation).ifPresent(state::stop);
    }
}
