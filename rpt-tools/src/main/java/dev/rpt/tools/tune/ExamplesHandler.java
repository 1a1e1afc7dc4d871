package dev.rpt.tools.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.prompt.PromptFile;
import java.util.List;

/** {@code list_examples}: the optimization cases the latest candidate answered correctly, which may become examples. */
final class ExamplesHandler implements ToolHandler {

    private static final ObjectMapper JSON = JsonFiles.mapper();

    private final DiagnosticFunction diagnostic;

    ExamplesHandler(DiagnosticFunction diagnostic) {
        this.diagnostic = diagnostic;
    }

    @Override
    public void handle(ToolCall call, JsonNode arguments, TuneState state) {
        if (ToolHandler.nothingEvaluated(call, state)) {
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
}
