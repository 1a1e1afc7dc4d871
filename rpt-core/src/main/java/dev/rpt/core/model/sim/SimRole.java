package dev.rpt.core.model.sim;

import dev.rpt.core.model.ChatRequest;
import dev.rpt.core.model.ChatResponse;

/**
 * One part the simulator can play. Today only {@link TargetRole}, the model under test; the optimizer and critic
 * roles of the tuner will be further implementations.
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
