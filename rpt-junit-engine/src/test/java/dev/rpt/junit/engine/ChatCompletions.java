package dev.rpt.junit.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;

/** Chat Completions replies in OpenAI's documented shape, for fake servers in the engine's tests. */
public final class ChatCompletions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChatCompletions() {}

    /** A completion whose assistant message has this text. */
    public static MockResponse text(String content) {
        return of(message -> message.put("content", content));
    }

    /** A well-formed completion whose message the caller fills (its content is null until then). */
    public static MockResponse of(Consumer<ObjectNode> message) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("id", "chatcmpl-1").put("object", "chat.completion").put("model", "gpt-4.1-mini");
        ObjectNode choice = reply.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        ObjectNode body = choice.putObject("message").put("role", "assistant");
        body.putNull("content");
        message.accept(body);
        reply.putObject("usage")
                .put("prompt_tokens", 50)
                .put("completion_tokens", 10)
                .put("total_tokens", 60);
        return new MockResponse.Builder()
                .code(200)
                .addHeader("content-type", "application/json")
                .body(reply.toString())
                .build();
    }
}
