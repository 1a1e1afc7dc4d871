package dev.rpt.core.eval;

import dev.rpt.api.Answer;
import dev.rpt.api.Step;
import dev.rpt.api.ToolCall;
import dev.rpt.api.ToolResult;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * A case whose tools are stubbed, run to its end: the model's tool calls are answered from the case's stubs and the
 * conversation goes on, turn by turn, until a reply calls no tool or the step limit is reached. Each turn is one call
 * of the (cached, retried, metered) model, so a re-run replays the whole run from the cache.
 *
 * @param last the last reply: the final answer, or, at the step limit, the turn that still called tools
 * @param calls every tool call of the run, in order
 * @param usage the usage of every turn
 * @param cached whether every turn came from the cache
 * @param steps the trajectory: each model turn's text, calls and the results returned for them
 */
record ToolRun(ChatResponse last, List<ToolCall> calls, Usage usage, boolean cached, List<Step> steps) {

    static ToolRun of(ChatModel model, ChatRequest first, ChatResponse reply, ToolStubs stubs, int maxSteps) {
        List<ToolCall> calls = new ArrayList<>(reply.toolCalls());
        Usage usage = reply.usage();
        boolean cached = reply.cached();
        ChatRequest request = first;
        ChatResponse response = reply;
        List<Step> steps = new ArrayList<>();
        while (response.hasToolCalls() && steps.size() + 1 < maxSteps) {
            ChatRequest.Builder next = request.toBuilder().message(response.toMessage());
            List<ToolResult> results = new ArrayList<>();
            for (ToolCall call : response.toolCalls()) {
                ToolStubs.Result result = stubs.answer(call);
                next.message(
                        result.error()
                                ? ChatMessage.toolError(call.id(), result.content())
                                : ChatMessage.toolResult(call.id(), result.content()));
                results.add(new ToolResult(call.id(), call.name(), result.content(), result.error()));
            }
            steps.add(new Step(text(response), response.toolCalls(), results));
            request = next.build();
            response = model.chat(request);
            calls.addAll(response.toolCalls());
            usage = usage.plus(response.usage());
            cached &= response.cached();
        }
        // The last turn: the final reply, or at the step limit a turn whose calls got no results.
        steps.add(new Step(text(response), response.toolCalls(), List.of()));
        return new ToolRun(response, List.copyOf(calls), usage, cached, List.copyOf(steps));
    }

    private static String text(ChatResponse response) {
        return response.text() == null ? "" : response.text();
    }

    /** The last reply's answer, with every call of the run and the usage of every turn. */
    Answer answer(Answer last) {
        return new Answer(
                last.text(),
                last.raw(),
                last.confidence(),
                last.justification(),
                calls,
                usage,
                cached,
                last.formatError(),
                List.of(),
                steps);
    }
}
