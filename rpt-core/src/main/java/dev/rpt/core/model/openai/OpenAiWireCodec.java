package dev.rpt.core.model.openai;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatResponse;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The OpenAI-compatible provider's wire work without the network: a request encoded to the exact bytes the provider
 * sends, a reply decoded from the exact body a server returns. For tools that work on the wire format itself, such as
 * rpt's per-case benchmark; applications call models through {@link dev.rpt.core.model.runtime.ChatModels}.
 */
@API(status = INTERNAL, since = "0.1")
public final class OpenAiWireCodec {

    private final ChatRequestWriter writer;
    private final ChatResponseReader reader;

    private OpenAiWireCodec(String model) {
        this.writer = new ChatRequestWriter(model, OpenAiOptions.DEFAULTS);
        this.reader = new ChatResponseReader(model);
    }

    /** The codec for one model name, with the provider's default options. */
    public static OpenAiWireCodec forModel(String model) {
        return new OpenAiWireCodec(Objects.requireNonNull(model, "model"));
    }

    /** The request body the provider would send for {@code request}. */
    public byte[] encode(ChatRequest request) {
        return writer.write(request);
    }

    /**
     * The response a reply body decodes to.
     *
     * @throws dev.rpt.core.model.MalformedResponseException when the body is not a Chat Completions reply
     */
    public ChatResponse decode(String body) {
        return reader.read(body);
    }
}
