package dev.rpt.core.model.openai;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatResponse;

/**
 * One of OpenAI's two chat wires, with what differs between them: the path, the request body, the reply and the
 * batch endpoint. Transport, authentication, errors, retries and the Batch API's files are shared.
 */
interface WireApi {

    /** The path under the base URL, e.g. {@code chat/completions}. */
    String path();

    /** The request body, exactly as sent. */
    byte[] write(ChatRequest request);

    /** The reply body as a response; every shape problem is a {@link dev.rpt.core.model.MalformedResponseException}. */
    ChatResponse read(String body);

    /** The {@code endpoint} (and each line's {@code url}) of a batch: with the API's version, or, on Azure, without. */
    default String batchEndpoint(boolean azure) {
        return (azure ? "/" : "/v1/") + path();
    }

    /** Chat Completions: {@code POST /chat/completions}. */
    static WireApi chatCompletions(String model, OpenAiOptions options) {
        ChatRequestWriter writer = new ChatRequestWriter(model, options);
        ChatResponseReader reader = new ChatResponseReader(model);
        return new WireApi() {
            @Override
            public String path() {
                return "chat/completions";
            }

            @Override
            public byte[] write(ChatRequest request) {
                return writer.write(request);
            }

            @Override
            public ChatResponse read(String body) {
                return reader.read(body);
            }
        };
    }

    /** The Responses API: {@code POST /responses}. */
    static WireApi responses(String model, OpenAiOptions options) {
        ResponsesRequestWriter writer = new ResponsesRequestWriter(model, options);
        ResponsesReader reader = new ResponsesReader(model);
        return new WireApi() {
            @Override
            public String path() {
                return "responses";
            }

            @Override
            public byte[] write(ChatRequest request) {
                return writer.write(request);
            }

            @Override
            public ChatResponse read(String body) {
                return reader.read(body);
            }
        };
    }
}
