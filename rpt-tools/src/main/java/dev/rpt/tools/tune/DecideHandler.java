package dev.rpt.tools.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.Role;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.prompt.PromptFile;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/** {@code decide}: accept a patch to evaluate next, or stop. */
final class DecideHandler implements ToolHandler {

    private static final ObjectMapper JSON = JsonFiles.mapper();

    private final CandidateBuilder candidates;

    DecideHandler(CandidateBuilder candidates) {
        this.candidates = candidates;
    }

    @Override
    public void handle(ToolCall call, JsonNode arguments, TuneState state) throws IOException {
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
            if (arguments.has(CandidateBuilder.TOOL_DESCRIPTIONS)) {
                sections.set(CandidateBuilder.TOOL_DESCRIPTIONS, arguments.get(CandidateBuilder.TOOL_DESCRIPTIONS));
            }
            Optional<PromptFile> patched = candidates.candidate(state, sections, call);
            if (patched.isPresent()) {
                state.pendingTargets = CandidateBuilder.targets(arguments);
                state.recorder.patch(
                        state.evaluations.size(), CandidateBuilder.decision(arguments, base, patched.get()));
                state.conversation.add(ChatMessage.toolResult(
                        call.id(),
                        "Patch accepted. Evaluate it: call evaluate_prompt with the patched sections"
                                + (base.frontMatter().tools().tools().isEmpty()
                                        ? "."
                                        : " and tool_descriptions (null keeps those of the latest evaluation).")));
            }
        } else {
            state.conversation.add(
                    ChatMessage.toolError(call.id(), "decision must be PATCH or STOP, got '" + decision + "'."));
        }
    }
}
