package dev.rpt.core.model.runtime;

import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ModelInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake model for tests: answers from a script of replies and errors, then with a fallback function, and counts
 * its calls.
 */
final class ScriptedChatModel implements ChatModel {

    private final ModelInfo info;
    private final Queue<Object> script = new ConcurrentLinkedQueue<>();
    private final List<ChatRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Function<ChatRequest, ChatResponse> fallback;
    private volatile Runnable onCall = () -> {};
    private volatile boolean closed;

    ScriptedChatModel(ModelInfo info) {
        this.info = info;
    }

    ScriptedChatModel() {
        this(new ModelInfo("fake", "fake-model", false));
    }

    /** A plain reply with the given text and token counts. */
    static ChatResponse reply(String text, long promptTokens, long completionTokens) {
        return new ChatResponse(
                text,
                List.of(),
                null,
                FinishReason.STOP,
                Usage.of(promptTokens, completionTokens),
                List.of(),
                "m",
                false);
    }

    ScriptedChatModel thenReply(ChatResponse response) {
        script.add(response);
        return this;
    }

    ScriptedChatModel thenFail(ModelException error) {
        script.add(error);
        return this;
    }

    /** Answers every call the script does not cover. */
    ScriptedChatModel otherwise(Function<ChatRequest, ChatResponse> answer) {
        this.fallback = answer;
        return this;
    }

    /** Runs on every call, before it is answered; e.g. to advance a fake clock. */
    ScriptedChatModel onCall(Runnable action) {
        this.onCall = action;
        return this;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        calls.incrementAndGet();
        requests.add(request);
        onCall.run();
        Object next = script.poll();
        if (next == null) {
            Function<ChatRequest, ChatResponse> answer = fallback;
            if (answer == null) {
                throw new AssertionError("unexpected call number " + calls.get() + " to the scripted model");
            }
            return answer.apply(request);
        }
        if (next instanceof ModelException error) {
            throw error;
        }
        return (ChatResponse) next;
    }

    int calls() {
        return calls.get();
    }

    List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    boolean closed() {
        return closed;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public void close() {
        closed = true;
    }
}
