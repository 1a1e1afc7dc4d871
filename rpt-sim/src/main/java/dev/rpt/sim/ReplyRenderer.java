package dev.rpt.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Writes a {@link Reply} as the JSON object {@code {"answer", "confidence", "justification"}} or as the plain text
 * {@code Answer: ...\nConfidence: ...}.
 */
final class ReplyRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReplyRenderer() {}

    static Rendered render(Reply reply, boolean json) {
        return json ? json(reply) : text(reply);
    }

    private static Rendered json(Reply reply) {
        String prefix = "{\"answer\":";
        String answer = quote(reply.answer());
        String text = prefix + answer + ",\"confidence\":" + confidence(reply.confidence()) + ",\"justification\":"
                + quote(reply.justification()) + "}";
        // The answer span excludes the quotes, so its tokens are the answer's own characters.
        return new Rendered(text, prefix.length() + 1, prefix.length() + answer.length() - 1);
    }

    private static Rendered text(Reply reply) {
        String prefix = "Answer: ";
        String text = prefix + reply.answer() + "\nConfidence: " + confidence(reply.confidence());
        return new Rendered(
                text, prefix.length(), prefix.length() + reply.answer().length());
    }

    private static String confidence(double confidence) {
        return String.format(Locale.ROOT, "%.2f", confidence);
    }

    private static String quote(String value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
