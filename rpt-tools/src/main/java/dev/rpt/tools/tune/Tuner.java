package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import dev.rpt.chat.ToolChoice;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import dev.rpt.prompt.PromptWriter;
import dev.rpt.tools.record.DecisionJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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

    private static final ObjectMapper JSON = JsonFiles.mapper();
    private static final int MAX_NUDGES = 2;

    /**
     * The output limit of an optimizer turn. A turn can hold a whole rewritten prompt as the arguments of {@code
     * evaluate_prompt}, so this is far above the target's 1024: Anthropic would otherwise cut the rewrite at its
     * required default. Most hosted models accept it; one whose output cap is lower needs {@code
     * rpt.tune.optimizer.max-tokens}.
     */
    public static final int OPTIMIZER_MAX_TOKENS = 8192;

    private final TuneSettings settings;
    private final AdoptionPolicy adoption;
    private final ChatModel optimizer;
    private final DiagnosticFunction diagnostic;
    private final UsageLedger ledger;
    private final Consumer<String> progress;
    private final Map<String, ToolHandler> tools = Map.of(
            OptimizerTools.EVALUATE, this::evaluate,
            OptimizerTools.INSPECT, this::inspect,
            OptimizerTools.DECIDE, this::decide,
            OptimizerTools.EXAMPLES, this::listExamples);

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
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.diagnostic = Objects.requireNonNull(diagnostic, "diagnostic");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.progress = Objects.requireNonNull(progress, "progress");
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
        state.conversation.add(ChatMessage.user(brief(current, goals)));
        if (!state.evaluations.isEmpty()) {
            StringBuilder memory = new StringBuilder("This tune was interrupted and resumes now. Earlier iterations:");
            state.evaluations.forEach(e -> memory.append("\n").append(Conversation.summary(e)));
            memory.append("\nContinue with the candidate above: call evaluate_prompt on it.");
            state.conversation.add(ChatMessage.user(memory.toString()));
        }
        while (!state.stopped()) {
            Optional<String> budget = budgetExhausted(state.evaluations);
            if (budget.isPresent()) {
                state.stop(budget.get());
                break;
            }
            Optional<ChatResponse> response = askOptimizer(state);
            if (response.isEmpty()) {
                break;
            }
            if (!response.get().hasToolCalls()) {
                nudge(state, response.get());
                continue;
            }
            state.nudges = 0;
            state.conversation.add(response.get().toMessage());
            for (ToolCall call : response.get().toolCalls()) {
                Optional<JsonNode> arguments = arguments(state, call);
                if (arguments.isPresent()) {
                    tools.getOrDefault(call.name(), this::unknownTool).handle(call, arguments.get(), state);
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
            state.pendingTargets = patch.targets();
        }
        progress.accept("Resumed " + recordDirectory + " after iteration " + state.evaluations.size()
                + (state.pendingTargets.isEmpty() ? "" : "; the patch targeting " + state.pendingTargets + " is next"));
        return current;
    }

    /** The optimizer's next turn; empty, with the tune stopped, when the optimizer fails after an evaluation. */
    private Optional<ChatResponse> askOptimizer(TuneState state) throws IOException {
        ChatResponse response;
        try {
            response = optimizer.chat(ChatRequest.builder()
                    .messages(state.conversation.messages())
                    .tools(OptimizerTools.ALL)
                    .toolChoice(ToolChoice.REQUIRED)
                    .temperature(0.0)
                    .maxTokens(OPTIMIZER_MAX_TOKENS)
                    .build());
        } catch (ModelException e) {
            if (state.evaluations.isEmpty()) {
                throw new TuneStopped("The optimizer model failed before the first evaluation: " + e.getMessage(), e);
            }
            state.stop("the optimizer model failed (" + e.getClass().getSimpleName() + "): " + e.getMessage());
            return Optional.empty();
        }
        state.recorder.transcript(state.evaluations.size(), response);
        return Optional.of(response);
    }

    /** A reply in text: ask again for a function call, a few times. */
    private void nudge(TuneState state, ChatResponse response) {
        if (++state.nudges > MAX_NUDGES) {
            throw new TuneStopped(
                    "The optimizer answered " + state.nudges + " times in text without calling a tool."
                            + " Use a model that supports function calling (for vLLM start the server with"
                            + " --enable-auto-tool-choice), or another rpt.tune.optimizer.model.",
                    null);
        }
        state.conversation.add(ChatMessage.assistant(spokenText(response)));
        state.conversation.add(ChatMessage.user("Call a function: evaluate_prompt with the candidate sections,"
                + " inspect_failures, or decide. Do not answer in text."));
    }

    /**
     * What the optimizer's turn said, for the conversation. A turn with neither text nor a tool call (a refusal, an
     * Anthropic {@code pause_turn}) must still be an assistant message, and providers reject an empty one; so it
     * carries the refusal, or says that the turn was empty.
     */
    static String spokenText(ChatResponse response) {
        if (response.text() != null && !response.text().isBlank()) {
            return response.text();
        }
        if (response.refusal() != null && !response.refusal().isBlank()) {
            return response.refusal();
        }
        return "(no text and no function call)";
    }

    /** A call's arguments as a JSON object; empty, with a corrective message, when they are malformed. */
    private static Optional<JsonNode> arguments(TuneState state, ToolCall call) {
        try {
            JsonNode arguments = JSON.readTree(call.arguments());
            if (arguments == null || !arguments.isObject()) {
                throw new IllegalArgumentException("arguments are not a JSON object");
            }
            state.malformed = 0;
            return Optional.of(arguments);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (++state.malformed > 1) {
                state.stop("the optimizer sent malformed arguments to " + call.name() + " twice in a row");
                state.conversation.add(ChatMessage.toolError(call.id(), "Malformed arguments again; stopping."));
            } else {
                state.conversation.add(ChatMessage.toolError(
                        call.id(),
                        "The arguments of " + call.name() + " are not a valid JSON object (" + e.getMessage()
                                + "). Call it again with valid JSON that follows its schema."));
            }
            return Optional.empty();
        }
    }

    /** {@code evaluate_prompt}: runs the diagnostic function on a candidate and decides whether to stop. */
    private void evaluate(ToolCall call, JsonNode arguments, TuneState state) throws IOException {
        if (state.evaluations.size() >= settings.maxIterations()) {
            state.conversation.add(ChatMessage.toolError(
                    call.id(),
                    "The evaluation budget of " + settings.maxIterations() + " is used up. Call decide with STOP."));
            state.stop("reached rpt.tune.max-iterations (" + settings.maxIterations() + ")");
            return;
        }
        Optional<PromptFile> candidate = candidate(state, arguments, call);
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
        progress.accept(progressLine(evaluation, state.pendingTargets, state.started, usage(state.evaluations)));
        if (answeredNothing(evaluation)) {
            // A provider that is down would error every case of every further candidate too.
            state.stop("the target model answered none of the "
                    + (evaluation.tune().errored() + evaluation.holdout().errored())
                    + " cases of iteration " + iteration + " (every one errored; its run report says why)");
        } else if (settings.untilPass()
                && !state.goals.isEmpty()
                && state.goals.check(evaluation.holdout()).passed()
                && evaluation.holdoutScore(settings.objective(), settings.brierWeight())
                        > state.evaluations.get(0).holdoutScore(settings.objective(), settings.brierWeight()) - 1e-12) {
            // Said for what it is: the selection cases' point estimates, not the verdict of mvn verify, which judges
            // every case of the class in rpt.check.mode and can still fail a bound the held-out cases met.
            state.stop("every threshold holds on the held-out cases ("
                    + evaluation.holdout().n() + " scored: "
                    + state.goals.check(evaluation.holdout()).measuredLine() + "); mvn verify judges every case of"
                    + " the class and can still differ");
        } else if (plateaued(state.evaluations)) {
            state.stop(settings.plateau() + " evaluations in a row did not beat the best");
        }
    }

    /** {@code inspect_failures}: the failures of one mode in the latest evaluation. */
    private void inspect(ToolCall call, JsonNode arguments, TuneState state) {
        if (state.latest().isEmpty()) {
            state.conversation.add(
                    ChatMessage.toolError(call.id(), "Nothing evaluated yet. Call evaluate_prompt first."));
            return;
        }
        int limit = Math.max(1, Math.min(20, arguments.path("limit").asInt(5)));
        state.conversation.add(ChatMessage.toolResult(
                call.id(), diagnostic.inspect(arguments.path("mode").asText(), limit)));
    }

    /** {@code decide}: accept a patch to evaluate next, or stop. */
    private void decide(ToolCall call, JsonNode arguments, TuneState state) throws IOException {
        String decision = arguments.path("decision").asText().toUpperCase(Locale.ROOT);
        if (state.latest().isEmpty()) {
            state.conversation.add(
                    ChatMessage.toolError(call.id(), "Evaluate before deciding: call evaluate_prompt first."));
        } else if (decision.equals("STOP")) {
            state.conversation.add(ChatMessage.toolResult(call.id(), "Stopped."));
            state.stop("the optimizer stopped: "
                    + arguments
                            .path("reason")
                            .asText(arguments.path("rationale").asText()));
        } else if (decision.equals("PATCH")) {
            PromptFile base = state.latest().get().candidate();
            ObjectNode sections = JSON.createObjectNode()
                    .put("system", arguments.path("system").asText(base.sectionText(Role.SYSTEM)))
                    .put("user", arguments.path("user").asText(base.sectionText(Role.USER)));
            if (arguments.has("examples")) {
                sections.set("examples", arguments.get("examples"));
            }
            Optional<PromptFile> patched = candidate(state, sections, call);
            if (patched.isPresent()) {
                state.pendingTargets = targets(arguments);
                state.recorder.patch(state.evaluations.size(), decision(arguments, base, patched.get()));
                state.conversation.add(ChatMessage.toolResult(
                        call.id(), "Patch accepted. Evaluate it: call evaluate_prompt with the patched sections."));
            }
        } else {
            state.conversation.add(
                    ChatMessage.toolError(call.id(), "decision must be PATCH or STOP, got '" + decision + "'."));
        }
    }

    private void unknownTool(ToolCall call, JsonNode arguments, TuneState state) {
        state.conversation.add(ChatMessage.toolError(
                call.id(), "Unknown function " + call.name() + ". Use evaluate_prompt, inspect_failures or decide."));
    }

    /** One function the optimizer can call. */
    @FunctionalInterface
    private interface ToolHandler {
        void handle(ToolCall call, JsonNode arguments, TuneState state) throws IOException;
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
        recorder.summary(result, settings, usage(evaluations));
        return result;
    }

    private Optional<PromptFile> candidate(TuneState state, JsonNode arguments, ToolCall call) {
        PromptFile seed = state.seed;
        Conversation conversation = state.conversation;
        if (!arguments.path("system").isTextual() || !arguments.path("user").isTextual()) {
            conversation.add(ChatMessage.toolError(
                    call.id(), "Both 'system' and 'user' section texts are required, as strings."));
            return Optional.empty();
        }
        PromptFile candidate;
        try {
            candidate = seed.withSections(
                    arguments.get("system").asText(), arguments.get("user").asText());
        } catch (IllegalArgumentException e) {
            conversation.add(ChatMessage.toolError(
                    call.id(),
                    "Rejected: the candidate is not a valid prompt: " + e.getMessage()
                            + ". Keep the placeholders as they are and add no new ones."));
            return Optional.empty();
        }
        try {
            candidate = withExamples(candidate, arguments.get("examples"), state);
        } catch (IllegalArgumentException e) {
            conversation.add(ChatMessage.toolError(call.id(), "Rejected: " + e.getMessage() + "."));
            return Optional.empty();
        }
        Set<String> removed = new LinkedHashSet<>(seed.placeholders());
        removed.removeAll(candidate.placeholders());
        if (!removed.isEmpty()) {
            conversation.add(ChatMessage.toolError(
                    call.id(),
                    "Rejected: the candidate drops the placeholder(s) " + removed
                            + ", which the test cases fill. Keep every placeholder of the prompt."));
            return Optional.empty();
        }
        Optional<CaseMaterial.Copy> copy = diagnostic.caseMaterial().copiedInto(seed, candidate);
        if (copy.isPresent()) {
            progress.accept("Rejected a candidate that copies optimization case '"
                    + copy.get().caseId() + "' (\"" + copy.get().words() + "\"), before evaluating it.");
            conversation.add(ChatMessage.toolError(
                    call.id(),
                    "Rejected before evaluation: the candidate copies the text of optimization case '"
                            + copy.get().caseId() + "' (\"" + copy.get().words() + "\"). A prompt that quotes"
                            + " the cases you were shown, their questions or their answers, fits them and fails on"
                            + " new ones. Describe the general rule the failures point to instead, without"
                            + " quoting any case; to show a worked example, pass its id as 'examples'."));
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    /**
     * The candidate with the worked examples the optimizer chose: {@code examples} ids rebuild the block (an empty
     * list removes it); without them, the ids already in the block are kept and its text rebuilt. A case may be added
     * only when the latest candidate answered it correctly; one already shown by the latest candidate may stay.
     *
     * @throws IllegalArgumentException naming a case that may not be an example, and what to do
     */
    private PromptFile withExamples(PromptFile candidate, JsonNode requested, TuneState state) {
        String system = candidate.sectionText(Role.SYSTEM);
        List<String> present = WorkedExamples.ids(system);
        List<String> ids = new ArrayList<>();
        if (requested == null || requested.isNull()) {
            ids.addAll(present);
        } else if (requested.isArray()) {
            requested.forEach(id -> ids.add(id.asText()));
        } else {
            throw new IllegalArgumentException("'examples' must be an array of case ids, or null");
        }
        if (ids.isEmpty() && present.isEmpty()) {
            return candidate;
        }
        String seedBlock = WorkedExamples.block(state.seed.sectionText(Role.SYSTEM));
        if (ids.equals(present)
                && !seedBlock.isEmpty()
                && WorkedExamples.block(system).equals(seedBlock)) {
            // The examples the prompt file already had (e.g. from an earlier tune) stay as they are.
            return candidate;
        }
        Set<String> eligible = new LinkedHashSet<>();
        diagnostic.exampleCases().forEach(example -> eligible.add(example.id()));
        Set<String> shown = new LinkedHashSet<>(
                state.latest().map(e -> WorkedExamples.ids(e.candidate())).orElse(List.of()));
        List<WorkedExamples.Example> examples = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if ((!eligible.contains(id) && !shown.contains(id)) || !state.examplePool.containsKey(id)) {
                throw new IllegalArgumentException("case '" + id + "' cannot be a worked example: only optimization"
                        + " cases the latest candidate answered correctly can (call list_examples), and the ones it"
                        + " already shows");
            }
            examples.add(state.examplePool.get(id));
        }
        return candidate.withSystem(WorkedExamples.withExamples(system, candidate, examples));
    }

    /** {@code list_examples}: the optimization cases the latest candidate answered correctly. */
    private void listExamples(ToolCall call, JsonNode arguments, TuneState state) {
        if (state.latest().isEmpty()) {
            state.conversation.add(
                    ChatMessage.toolError(call.id(), "Nothing evaluated yet. Call evaluate_prompt first."));
            return;
        }
        PromptFile current = state.latest().get().candidate();
        List<String> shown = WorkedExamples.ids(current);
        List<WorkedExamples.Example> eligible = diagnostic.exampleCases().stream()
                .filter(example -> !shown.contains(example.id()))
                .toList();
        int limit = Math.max(1, Math.min(20, arguments.path("limit").asInt(5)));
        int offset = Math.max(0, arguments.path("offset").asInt(0));
        ObjectNode result = JSON.createObjectNode();
        result.put("eligible", eligible.size());
        result.set("shown", JSON.valueToTree(shown));
        var list = result.putArray("examples");
        for (WorkedExamples.Example example :
                eligible.subList(Math.min(offset, eligible.size()), Math.min(offset + limit, eligible.size()))) {
            ObjectNode node = list.addObject().put("id", example.id());
            try {
                node.put("input", current.render(example.vars()).user());
            } catch (RuntimeException e) {
                node.put("input", "(cannot be rendered with the current prompt: " + e.getMessage() + ")");
            }
            node.put("answer", example.answer());
            example.reasoning().ifPresent(reasoning -> node.put("reasoning", reasoning));
        }
        state.conversation.add(ChatMessage.toolResult(call.id(), result.toString()));
    }

    private static boolean answeredNothing(Evaluation evaluation) {
        return evaluation.tune().n() + evaluation.holdout().n() == 0
                && evaluation.tune().errored() + evaluation.holdout().errored() > 0;
    }

    private boolean plateaued(List<Evaluation> evaluations) {
        int streak = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (Evaluation evaluation : evaluations) {
            double score = evaluation.tuneScore(settings.objective(), settings.brierWeight());
            if (score > best + 1e-12) {
                best = score;
                streak = 0;
            } else {
                streak++;
            }
        }
        return streak >= settings.plateau();
    }

    /** Every model of the tune: the optimizer and critic in the ledger, the target in each evaluation's run. */
    private UsageSnapshot usage(List<Evaluation> evaluations) {
        UsageSnapshot total = ledger.snapshot();
        for (Evaluation evaluation : evaluations) {
            total = total.plus(evaluation.targetUsage());
        }
        return total;
    }

    /**
     * Whether a budget is used up. Budgets count what the tune consumed, replies served from the response cache
     * included at what they cost when recorded: a replay of a finished tune from its recording then stops where the
     * tune did, and a tune that reuses earlier answers keeps the size its budget gives it.
     */
    private Optional<String> budgetExhausted(List<Evaluation> evaluations) {
        UsageSnapshot usage = usage(evaluations);
        if (settings.maxCalls().isPresent()
                && usage.calls() >= settings.maxCalls().getAsLong()) {
            return Optional.of("reached the call budget rpt.tune.max-calls="
                    + settings.maxCalls().getAsLong());
        }
        if (settings.maxTokens().isPresent()
                && usage.consumedTokens() >= settings.maxTokens().getAsLong()) {
            return Optional.of("reached the token budget rpt.tune.max-tokens="
                    + settings.maxTokens().getAsLong());
        }
        if (settings.maxCostUsd().isPresent()) {
            if (usage.consumedCostUsd().isEmpty()) {
                return Optional.of("cannot keep the cost budget rpt.tune.max-cost: no price for "
                        + (usage.unpricedModels().isEmpty() ? "a model of a cached reply" : usage.unpricedModels())
                        + " (set rpt.price.<model>)");
            }
            if (usage.consumedCostUsd().getAsDouble() >= settings.maxCostUsd().getAsDouble()) {
                return Optional.of("reached the cost budget rpt.tune.max-cost="
                        + settings.maxCostUsd().getAsDouble());
            }
        }
        return Optional.empty();
    }

    private String brief(PromptFile seed, MetricBounds goals) {
        ObjectNode brief = JSON.createObjectNode();
        brief.put("task", "Improve this prompt. Start by calling evaluate_prompt on it as it is.");
        brief.put("system", seed.sectionText(Role.SYSTEM));
        brief.put("user", seed.sectionText(Role.USER));
        brief.set("placeholders", JSON.valueToTree(List.copyOf(seed.placeholders())));
        ObjectNode goalNode = brief.putObject("goals");
        goals.minAccuracy().ifPresent(v -> goalNode.put("minAccuracy", v));
        goals.maxEce().ifPresent(v -> goalNode.put("maxEce", v));
        goals.maxBrier().ifPresent(v -> goalNode.put("maxBrier", v));
        brief.put("maxIterations", settings.maxIterations());
        if (settings.objective().repeats()) {
            brief.put(
                    "objective",
                    settings.objectiveLabel() + ": every case is sampled " + settings.samples() + " times"
                            + (settings.objective() == TuneObjective.PASS_K
                                    ? " and counts only when every sample passes"
                                    : " and counts by its pass rate")
                            + "; the failure mode 'unstable' lists the cases that pass only sometimes");
        }
        return brief.toString();
    }

    private String progressLine(Evaluation evaluation, List<String> targets, Instant started, UsageSnapshot usage) {
        var holdout = evaluation.holdout();
        StringBuilder line = new StringBuilder();
        line.append(String.format(
                Locale.ROOT, "iteration %d/%d: held-out", evaluation.iteration(), settings.maxIterations()));
        line.append(
                holdout.accuracy().isPresent()
                        ? String.format(
                                Locale.ROOT,
                                " accuracy %.3f",
                                holdout.accuracy().getAsDouble())
                        : " accuracy n/a");
        holdout.accuracyCi()
                .ifPresent(ci -> line.append(String.format(Locale.ROOT, " [%.3f, %.3f]", ci.lower(), ci.upper())));
        line.append(
                holdout.ece().isPresent()
                        ? String.format(Locale.ROOT, ", ECE %.3f", holdout.ece().getAsDouble())
                        : ", ECE n/a");
        line.append(
                holdout.brier().isPresent()
                        ? String.format(
                                Locale.ROOT, ", Brier %.3f", holdout.brier().getAsDouble())
                        : ", Brier n/a");
        if (settings.objective().repeats()) {
            Reliability reliability = evaluation.selectionReliability();
            settings.objective()
                    .value(holdout, reliability)
                    .ifPresent(value ->
                            line.append(String.format(Locale.ROOT, ", %s %.3f", settings.objectiveLabel(), value)));
            line.append(String.format(
                    Locale.ROOT,
                    ", unstable %d of %d (tune %d of %d)",
                    reliability.unstable(),
                    reliability.cases(),
                    evaluation.tuneReliability().unstable(),
                    evaluation.tuneReliability().cases()));
        }
        evaluation
                .overfitGap()
                .ifPresent(gap -> line.append(String.format(Locale.ROOT, ", tune-to-held-out gap %+.3f", gap)));
        int examples = WorkedExamples.ids(evaluation.candidate()).size();
        if (examples > 0) {
            line.append("; ").append(examples).append(examples == 1 ? " worked example" : " worked examples");
        }
        line.append("; targeted ").append(targets.isEmpty() ? "nothing (seed)" : String.join(", ", targets));
        line.append("; ")
                .append(usage.calls())
                .append(" calls, ")
                .append(usage.usage().totalTokens())
                .append(" tokens, cost ");
        line.append(
                usage.costUsd().isPresent()
                        ? String.format(Locale.ROOT, "$%.4f", usage.costUsd().getAsDouble())
                        : "unknown");
        Duration elapsed = Duration.between(started, Instant.now());
        line.append(String.format(Locale.ROOT, "; %.1fs", elapsed.toMillis() / 1000.0));
        return line.toString();
    }

    /**
     * The PATCH as the record keeps it: the sections the optimizer sent, and the worked examples it chose. With
     * examples the record keeps the system section as rpt rebuilt it, so that a resumed tune evaluates the same text.
     */
    private static DecisionJson decision(JsonNode arguments, PromptFile base, PromptFile patched) {
        boolean examples =
                arguments.has("examples") && !arguments.get("examples").isNull();
        String system = patched.sectionText(Role.SYSTEM);
        return new DecisionJson(
                DecisionJson.SCHEMA_VERSION,
                "PATCH",
                examples && !system.equals(base.sectionText(Role.SYSTEM))
                        ? Optional.of(system)
                        : text(arguments, "system").map(sent -> system),
                text(arguments, "user"),
                arguments.path("rationale").asText(""),
                targets(arguments),
                examples ? Optional.of(WorkedExamples.ids(system)) : Optional.empty());
    }

    private static Optional<String> text(JsonNode arguments, String field) {
        JsonNode value = arguments.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static List<String> targets(JsonNode arguments) {
        List<String> targets = new ArrayList<>();
        arguments.path("targets").forEach(node -> targets.add(node.asText()));
        return targets;
    }
}
