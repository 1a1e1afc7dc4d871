package dev.rpt.core.model.openai;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatResponse;
import java.util.function.Function;

/**
 * One of OpenAI's two chat wires, with what differs between them: the path, the request body and the reply.
 * Transport, authentication, errors, retries and the Batch API's files are shared.
 *
 * @param path the path under the base URL, e.g. {@code chat/completions}
 * @param writer writes a request's body
 * @param reader reads a reply's body; every shape problem is a {@link dev.rpt.core.model.MalformedResponseException}
 */
record WireApi(String path, RequestWriter writer, Function<String, ChatResponse> reader) {

    /** Chat Completions: {@code POST /chat/completions}. */
    static WireApi chatCompletions(String model, OpenAiOptions options) {
        return new WireApi(
                "chat/completions", new ChatRequestWriter(model, options), new ChatResponseReader(model)::read);
    }

    /** The Responses API: {@code POST /responses}. */
    static WireApi responses(String model, OpenAiOptions options) {
        return new WireApi("responses", new ResponsesRequestWriter(model, options), new ResponsesReader(model)::read);
    }

    /** The request body, exactly as sent. */
    byte[] write(ChatRequest request) {
        return writer.write(request);
    }

    /** The reply body as a response. */
    ChatResponse read(String body) {
        return reader.apply(body);
    }

    /** The {@code endpoint} (and each line's {@code url}) of a batch: with the API's version, or, on Azure, without. */
    String batchEndpoint(boolean azure) {
        return (azure ? "/" : "/v1/") + path;
    }
}
