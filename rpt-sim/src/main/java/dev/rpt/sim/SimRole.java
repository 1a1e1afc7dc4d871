package dev.rpt.sim;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatResponse;

/**
 * One part the simulator can play: {@link TargetRole} (the model under test), {@link CriticRole} (names failure
 * modes) or {@link OptimizerRole} (drives the tuner's tool calls).
 */
interface SimRole {

    /** The role's name as it appears in reply model names, e.g. {@code target}. */
    String name();

    /**
     * Answers one request deterministically.
     *
     * @param modelLabel the model name to put into the reply, already marked as a simulator
     */
    ChatResponse respond(ChatRequest request, String modelLabel);
}
