package dev.rpt.core.model.sim;

import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatRequest;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;
import java.util.List;
import java.util.Locale;

/**
 * The simulator as a {@link ChatModel}: routes each request to the {@link SimRole} it asks for. Stateless apart
 * from the shared, immutable answer key, so it is thread-safe and does no I/O per call.
 */
final class SimChatModel implements ChatModel {

    /** Model-name suffixes that ask for roles the simulator does not have yet. */
    static final List<String> UNAVAILABLE_ROLES = List.of("optimizer", "critic");

    private final ModelInfo info;
    private final SimRole target;

    SimChatModel(String model, AnswerKey key) {
        this.info = new ModelInfo(SimProvider.ID, model, true);
        this.target = new TargetRole(key);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        if (!request.tools().isEmpty()) {
            throw unavailable("a request with tools (the optimizer role)");
        }
        String lowerModel = info.model().toLowerCase(Locale.ROOT);
        for (String role : UNAVAILABLE_ROLES) {
            if (lowerModel.endsWith(role)) {
                throw unavailable("model '" + info.model() + "' (the " + role + " role)");
            }
        }
        return target.respond(request, info.model() + "-" + target.name() + " (SIMULATOR)");
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    private static BadRequestException unavailable(String what) {
        return new BadRequestException(
                400,
                "the rpt simulator (provider sim) cannot serve " + what + ": only its target role exists, its"
                        + " optimizer and critic roles are not available yet. Use a real provider for the optimizer"
                        + " and critic, and send the simulator plain target requests without tools.");
    }
}
