package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.model.ChatModel;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A role's own limit replaces each request's; a higher rpt.max-tokens raises it; nothing set leaves it alone. */
class RoleLimitTests {

    private static final ChatRequest OWN_LIMIT =
            ChatRequest.builder().user("grade it").maxTokens(800).build();
    private static final ChatRequest NO_LIMIT =
            ChatRequest.builder().user("grade it").build();

    @Test
    void theRolesOwnKeyReplacesEveryRequestsLimit() {
        ScriptedChatModel model = new ScriptedChatModel().otherwise(request -> ScriptedChatModel.reply("ok", 1, 1));
        ChatModel judge = ChatModels.withRoleLimit(
                model, RptConfig.of(Map.of("rpt.judge.max-tokens", "4000", "rpt.max-tokens", "9000")), "rpt.judge.");

        judge.chat(OWN_LIMIT);
        judge.chat(NO_LIMIT);

        assertThat(model.requests()).extracting(ChatRequest::maxTokens).containsExactly(4000, 4000);
    }

    @Test
    void aHigherTopLevelLimitRaisesARolesRequestsAndALowerOneDoesNotCutThem() {
        ScriptedChatModel model = new ScriptedChatModel().otherwise(request -> ScriptedChatModel.reply("ok", 1, 1));
        ChatModel raised = ChatModels.withRoleLimit(
                model, RptConfig.of(Map.of("rpt.max-tokens", "8000")), RptConstants.DIAGNOSE_CRITIC_PREFIX);
        ChatModel notCut = ChatModels.withRoleLimit(
                model, RptConfig.of(Map.of("rpt.max-tokens", "512")), RptConstants.DIAGNOSE_CRITIC_PREFIX);

        raised.chat(OWN_LIMIT);
        notCut.chat(OWN_LIMIT);

        assertThat(model.requests()).extracting(ChatRequest::maxTokens).containsExactly(8000, 800);
    }

    @Test
    void withoutEitherKeyTheRequestsGoAsTheRoleWroteThem() {
        ScriptedChatModel model = new ScriptedChatModel();

        assertThat(ChatModels.withRoleLimit(model, RptConfig.of(Map.of()), RptConstants.TUNE_OPTIMIZER_PREFIX))
                .isSameAs(model);
    }

    @Test
    void anInvalidRoleLimitIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> ChatModels.withRoleLimit(
                        new ScriptedChatModel(),
                        RptConfig.of(Map.of("rpt.tune.optimizer.max-tokens", "lots")),
                        RptConstants.TUNE_OPTIMIZER_PREFIX))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rpt.tune.optimizer.max-tokens");
    }
}
