package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.Role;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import dev.rpt.prompt.PromptWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The reflective loop. It holds a conversation with the optimizer model, serves its function calls ({@code
 * evaluate_prompt}, {@code inspect_failures}, {@code decide}), keeps the record, and in the end writes the best
 * candidate on the selection cases back to the prompt file, atomically, if the confirmation cases adopt it ({@link
 * Adoption}).
 */
@API(status = INTERNAL, since = "0.1")
public final class Tuner {

    /**
     * The output limit of an optimizer turn. A turn can hold a whole rewritten prompt as the arguments of {@code
     * evaluate_prompt}, so this is far above the target's 1024: Anthropic would otherwise cut the rewrite at its
     * required default. Most hosted models accept it; one whose output cap is lower needs {@code
     * rpt.tune.optimizer.max-tokens}.
     */
    public static final int OPTIMIZER_MAX_TOKENS = 8192;

    private final TuneSettings settings;
    private final AdoptionPolicy adoption;
    private final DiagnosticFunction diagnostic;
    private final Consumer<String> progress;
    private final StopRules rules;
    private final ProgressText text;
    private final CandidateBuilder candidates;
    private final OptimizerTurns turns;
    private final Map<String, ToolHandler> tools;

    /**
     * @param settings the knobs
     * @param optimizer the optimizer model
     * @param diagnostic the diagnostic function
     * @param ledger the ledger every model of the tune records into, for budgets and progress
     * @param progress receives one line per iteration, and the summary
     */
    public Tuner(
            TuneSettings settings,
            ChatModel optimizer,
            DiagnosticFunction diagnostic,
            UsageLedger ledger,
            Consumer<String> progress) {
        this(settings, AdoptionPolicy.DEFAULTS, optimizer, diagnostic, ledger, progress);
    }

    /**
     * @param settings the knobs
     * @param adoption when the best candidate replaces the seed; the diagnostic function must split the held-out
     *     cases with the same policy
     * @param optimizer the optimizer model
     * @param diagnostic the diagnostic function
     * @param ledger the ledger every model of the tune records into, for budgets and progress
     * @param progress receives one line per iteration, and the summary
     */
    public Tuner(
            TuneSettings settings,
            AdoptionPolicy adoption,
            ChatModel optimizer,
            DiagnosticFunction diagnostic,
            UsageLedger ledger,
            Consumer<String> progress) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.adoption = Objects.requireNonNull(adoption, "adoption");
        this.diagnostic = Objects.requireNonNull(diagnostic, "diagnostic");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.rules = new StopRules(settings, Objects.requireNonNull(ledger, "ledger"));
        this.text = new ProgressText(settings);
        this.candidates = new CandidateBuilder(diagnostic, progress);
        this.turns = new OptimizerTurns(Objects.requireNonNull(optimizer, "optimizer"));
        this.tools = Map.of(
                OptimizerTools.EVALUATE,
                new EvaluateHandler(settings, diagnostic, candidates, rules, text, progress),
                OptimizerTools.INSPECT,
                new InspectHandler(diagnostic),
                OptimizerTools.DECIDE,
                new DecideHandler(candidates),
                OptimizerTools.EXAMPLES,
                new ExamplesHandler(diagnostic));
    }

    /**
     * Tunes one prompt file.
     *
     * @param promptFile the prompt file in the project's sources; the only file the tuner may write
     * @param goals the thresholds the prompt's test classes declare
     * @param recordDirectory where the record of this tune goes, e.g. {@code target/rpt/tune/<id>}
     */
    public TuneResult tune(Path promptFile, MetricBounds goals, Path recordDirectory) throws IOException {
        return run(promptFile, goals, recordDirectory, Optional.empty());
    }

    /**
     * Continues an interrupted tune ({@code rpt.tune.resume}): its completed iterations are restored from the record,
     * not run again, and the optimizer is told where the tune stands.
     *
     * @param promptFile the prompt file, still holding the seed: an interrupted tune never wrote it
     * @param goals the thresholds
     * @param checkpoint what the interrupted tune left, from {@link TuneCheckpoint#load}
     */
    public TuneResult resume(Path promptFile, MetricBounds goals, TuneCheckpoint checkpoint) throws IOException {
        return run(promptFile, goals, checkpoint.directory(), Optional.of(checkpoint));
    }

    private TuneResult run(
            Path promptFile, MetricBounds goals, Path recordDirectory, Optional<TuneCheckpoint> checkpoint)
            throws IOException {
        PromptFile seed = PromptFile.parse(promptFile);
        TuneState state = new TuneState(
                seed,
                goals,
                TuneRecorder.create(recordDirectory),
                new Conversation(settings.memory(), settings.memoryK()));
        PromptFile current = checkpoint.isPresent() ? restore(state, checkpoint.get(), recordDirectory) : seed;
        state.conversation.add(ChatMessage.system(OptimizerTools.CONTROLLER));
        state.conversation.add(ChatMessage.user(text.brief(current, goals)));
        if (!state.evaluations.isEmpty()) {
            StringBuilder memory = new StringBuilder("This tune was interrupted and resumes now. Earlier iterations:");
            state.evaluations.forEach(e -> memory.append("\n").append(Conversation.summary(e)));
            memory.append("\nContinue with the candidate above: call evaluate_prompt on it.");
            state.conversation.add(ChatMessage.user(memory.toString()));
        }
        while (!state.stopped()) {
            Optional<String> budget = rules.budgetExhausted(state.evaluations);
            if (budget.isPresent()) {
                state.stop(budget.get());
                break;
            }
            Optional<ChatResponse> response = turns.ask(state);
            if (response.isEmpty()) {
                break;
            }
            if (!response.get().hasToolCalls()) {
                turns.nudge(state, response.get());
                continue;
            }
            state.nudges = 0;
            state.conversation.add(response.get().toMessage());
            for (ToolCall call : response.get().toolCalls()) {
                Optional<JsonNode> arguments = OptimizerTurns.arguments(state, call);
                if (arguments.isPresent()) {
                    tools.getOrDefault(call.name(), ToolHandler.UNKNOWN).handle(call, arguments.get(), state);
                }
            }
        }
        if (state.evaluations.isEmpty()) {
            throw new TuneStopped("The tune stopped before evaluating anything: " + state.stopReason(), null);
        }
        return finish(promptFile, seed, state.evaluations, state.stopReason(), state.recorder);
    }

    /** Restores the iterations an interrupted tune completed; returns the candidate to go on from. */
    private PromptFile restore(TuneState state, TuneCheckpoint checkpoint, Path recordDirectory) throws IOException {
        for (TuneCheckpoint.Iteration done : checkpoint.iterations()) {
            state.evaluations.add(
                    diagnostic.restore(done.iteration(), done.candidate(), done.targets(), done.directory()));
        }
        PromptFile current = state.previousCandidate();
        if (checkpoint.pendingPatch().isPresent()) {
            TuneCheckpoint.Patch patch = checkpoint.pendingPatch().get();
            current = current.withSections(
                    patch.system().orElse(current.sectionText(Role.SYSTEM)),
                    patch.user().orElse(current.sectionText(Role.USER)));
            for (Map.Entry<String, String> tool : patch.toolDescriptions().entrySet()) {
                current = current.withToolDescription(tool.getKey(), tool.getValue());
            }
            state.pendingTargets = patch.targets();
        }
        progress.accept("Resumed " + recordDirectory + " after iteration " + state.evaluations.size()
                + (state.pendingTargets.isEmpty() ? "" : "; the patch targeting " + state.pendingTargets + " is next"));
        return current;
    }

    private TuneResult finish(
            Path promptFile, PromptFile seed, List<Evaluation> evaluations, String stopReason, TuneRecorder recorder)
            throws IOException {
        Optional<Evaluation> seedRun = evaluations.stream()
                .filter(e -> e.candidate().sectionText(Role.SYSTEM).equals(seed.sectionText(Role.SYSTEM))
                        && e.candidate().sectionText(Role.USER).equals(seed.sectionText(Role.USER)))
                .findFirst();
        Evaluation seedEvaluation = seedRun.orElse(evaluations.get(0));
        Evaluation best = seedEvaluation;
        for (Evaluation evaluation : evaluations) {
            // A candidate that fails a must-pass case is never adopted, so it cannot take the place of one that could.
            if (evaluation.mustPassFailures().isEmpty()
                    && evaluation.holdoutScore(settings.objective(), settings.brierWeight())
                            > best.holdoutScore(settings.objective(), settings.brierWeight())) {
                best = evaluation;
            }
        }
        // Without the seed's own outcomes no gain over it can be shown, whatever the candidates scored.
        Adoption decision = seedRun.isPresent()
                ? Adoption.decide(seedEvaluation, best, adoption, settings.objective())
                : Adoption.seedNotEvaluated(best, adoption);
        String diff = best == seedEvaluation
                ? ""
                : PromptDiff.unified(
                        promptFile.getFileName().toString(),
                        seed.text(),
                        best.candidate().text());
        boolean written = false;
        if (decision.adopted() && !settings.dryRun()) {
            new PromptWriter().write(promptFile, best.candidate());
            written = true;
        }
        TuneResult result = new TuneResult(
                recorder.directory(),
                evaluations,
                seedEvaluation,
                best,
                written,
                diff,
                stopReason,
                decision,
                decision.lines(seedEvaluation, best, adoption, settings.objective(), settings.samples()));
        recorder.summary(result, settings, rules.usage(evaluations));
        return result;
    }
}
