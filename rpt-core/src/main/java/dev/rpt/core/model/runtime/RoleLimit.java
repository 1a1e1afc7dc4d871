package dev.rpt.core.model.runtime;

import dev.rpt.chat.ChatRequest;
import java.util.function.UnaryOperator;

/**
 * The output limit of one role's requests (judge, critic, optimizer), when the configuration sets one: the role's
 * own {@code max-tokens} replaces each request's limit; without it, a higher {@code rpt.max-tokens} raises the
 * request's limit to its value. The raise is there for reasoning models, whose limit includes the reasoning: a
 * project that raised {@code rpt.max-tokens} for one has every role that falls back to the same model need the room
 * too, while a low {@code rpt.max-tokens} for a small target must not cut a role's reply short.
 *
 * @param roleLimit the role's own {@code max-tokens}, or null
 * @param floor {@code rpt.max-tokens}, or null
 */
record RoleLimit(Integer roleLimit, Integer floor) implements UnaryOperator<ChatRequest> {

    @Override
    public ChatRequest apply(ChatRequest request) {
        Integer limit = roleLimit;
        if (limit == null && floor != null && (request.maxTokens() == null || request.maxTokens() < floor)) {
            limit = floor;
        }
        return limit == null || limit.equals(request.maxTokens())
                ? request
                : request.toBuilder().maxTokens(limit).build();
    }
}
