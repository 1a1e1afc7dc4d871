package dev.rpt.tools.tune;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.Role;
import dev.rpt.prompt.PromptFile;
import dev.rpt.prompt.PromptTool;
import dev.rpt.tools.record.DecisionJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds a candidate prompt from the optimizer's arguments ({@code evaluate_prompt} and a {@code decide} PATCH), or
 * refuses it with a corrective message in the conversation: both sections required, the prompt valid, its
 * placeholders kept, its worked examples chosen among the cases that may be examples, and no optimization case copied
 * into it.
 */
final class CandidateBuilder {

    /** The argument of evaluate_prompt and decide that rewrites tool descriptions ({@link OptimizerTools}). */
    static final String TOOL_DESCRIPTIONS = "tool_descriptions";

    private final DiagnosticFunction diagnostic;
    private final Consumer<String> progress;

    CandidateBuilder(DiagnosticFunction diagnostic, Consumer<String> progress) {
        this.diagnostic = diagnostic;
        this.progress = progress;
    }

    /** The candidate the arguments describe; empty, with the reason told to the optimizer, when it is refused. */
    Optional<PromptFile> candidate(TuneState state, JsonNode arguments, ToolCall call) {
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
            candidate = withToolDescriptions(
                    candidate,
                    arguments.get(TOOL_DESCRIPTIONS),
                    state.latest().map(Evaluation::candidate).orElse(seed));
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
     * The candidate with the tools' descriptions of {@code current} (the latest candidate), then those the optimizer
     * sent, each an entry {@code {name, description}}; null keeps the current ones. Only descriptions change: the
     * front matter is edited in place, so names, input schemas and every other byte stay.
     *
     * @throws IllegalArgumentException for an entry that names no declared tool or carries anything but a name and a
     *     description, saying that names and schemas are the application's contract
     */
    static PromptFile withToolDescriptions(PromptFile candidate, JsonNode requested, PromptFile current) {
        PromptFile result = candidate;
        for (PromptTool tool : current.frontMatter().tools().tools()) {
            if (!tool.description().equals(description(result, tool.name()))) {
                result = result.withToolDescription(tool.name(), tool.description());
            }
        }
        if (requested == null || requested.isNull()) {
            return result;
        }
        if (!requested.isArray()) {
            throw new IllegalArgumentException(
                    "'" + TOOL_DESCRIPTIONS + "' must be an array of {name, description}," + " or null");
        }
        for (JsonNode entry : requested) {
            Set<String> fields = new LinkedHashSet<>();
            entry.fieldNames().forEachRemaining(fields::add);
            if (!entry.path("name").isTextual()
                    || !entry.path("description").isTextual()
                    || !fields.equals(Set.of("name", "description"))) {
                throw new IllegalArgumentException("each '" + TOOL_DESCRIPTIONS + "' entry holds a tool's name and its"
                        + " new description, nothing else, got " + entry + ". A tool's name and input schema are the"
                        + " application's contract with the model: they cannot change, only the description can");
            }
            try {
                result = result.withToolDescription(
                        entry.get("name").asText(), entry.get("description").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + ". Tools cannot be added, removed or renamed:"
                        + " their names and input schemas are the application's contract; only descriptions change");
            }
        }
        return result;
    }

    private static String description(PromptFile prompt, String tool) {
        return prompt.frontMatter().tools().tools().stream()
                .filter(t -> t.name().equals(tool))
                .map(PromptTool::description)
                .findFirst()
                .orElse("");
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

    /**
     * The PATCH as the record keeps it: the sections the optimizer sent, and the worked examples it chose. With
     * examples the record keeps the system section as rpt rebuilt it, so that a resumed tune evaluates the same text.
     */
    static DecisionJson decision(JsonNode arguments, PromptFile base, PromptFile patched) {
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
                examples ? Optional.of(WorkedExamples.ids(system)) : Optional.empty(),
                descriptions(base, patched));
    }

    /** The patched tools' descriptions, when the patch changed any: what a resumed tune must apply again. */
    private static Optional<Map<String, String>> descriptions(PromptFile base, PromptFile patched) {
        Map<String, String> descriptions = new LinkedHashMap<>();
        patched.frontMatter().tools().tools().forEach(tool -> descriptions.put(tool.name(), tool.description()));
        boolean changed = patched.frontMatter().tools().tools().stream()
                .anyMatch(tool -> !tool.description().equals(description(base, tool.name())));
        return changed ? Optional.of(descriptions) : Optional.empty();
    }

    private static Optional<String> text(JsonNode arguments, String field) {
        JsonNode value = arguments.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    static List<String> targets(JsonNode arguments) {
        List<String> targets = new ArrayList<>();
        arguments.path("targets").forEach(node -> targets.add(node.asText()));
        return targets;
    }
}
