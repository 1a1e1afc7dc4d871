package dev.rpt.sim;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelInfo;

/**
 * The simulator as a {@link ChatModel}: routes each request to the {@link SimRole} it asks for — the optimizer when
 * it offers {@code evaluate_prompt}, the critic when its response format is {@code failure_critique} or {@code
 * failure_grouping}, the judge when it is {@code rpt_judgement}, the tool user ({@link ToolUserRole}) when it offers
 * other tools, else the target. Stateless apart from the shared, immutable answer key, so it is thread-safe and
 * does no I/O per call.
 */
final class SimChatModel implements ChatModel {

    private final ModelInfo info;
    private final SimRole target;
    private final SimRole critic = new CriticRole();
    private final SimRole optimizer = new OptimizerRole();
    private final SimRole judge = new JudgeRole();
    private final SimRole toolUser = new ToolUserRole();

    SimChatModel(String model, AnswerKey key) {
        this.info = new ModelInfo(SimProvider.ID, model, true);
        this.target = new TargetRole(key);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        SimRole role = roleFor(request);
        return role.respond(request, info.model() + "-" + role.name() + " (SIMULATOR)");
    }

    private SimRole roleFor(ChatRequest request) {
        if (OptimizerRole.wanted(request)) {
            return optimizer;
        }
        if (CriticRole.wanted(request)) {
            return critic;
        }
        if (JudgeRole.wanted(request)) {
            return judge;
        }
        if (!request.tools().isEmpty()) {
            return toolUser;
        }
        return target;
    }

    @Override
    public ModelInfo info() {
        return info;
    }
}
