package dev.rpt.sim;

import dev.rpt.chat.ChatMessage;
import java.util.List;

/** The simulator's token counts: one token per four characters, rounded up, at least one. */
final class TokenEstimate {

    static final int CHARS_PER_TOKEN = 4;

    private TokenEstimate() {}

    static long of(String text) {
        return Math.max(1, (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }

    static long ofMessages(List<ChatMessage> messages) {
        StringBuilder all = new StringBuilder();
        for (ChatMessage message : messages) {
            if (message.content() != null) {
                all.append(message.content());
            }
        }
        return of(all.toString());
    }
}
