package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ToolDefinition;
import dev.rpt.core.model.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tool user's documented rule (docs/simulator.md, "The tool user"), turn by turn. */
class ToolUserRoleTests {

    private static final String ORDER = "{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}}}";
    private static final List<ToolDefinition> TOOLS = List.of(
            new ToolDefinition("lookup_order", "Look an order up.", new JsonSchema(ORDER), false),
            new ToolDefinition("refund_order", "Refund an order.", new JsonSchema(ORDER), false));
    private static final String PLAIN = "You help customers with their orders.";
    private static final String LOOK_UP_FIRST =
            PLAIN + " Always look the order up with lookup_order before you refund.";

    private final ToolUserRole role = new ToolUserRole();

    @Test
    void withoutTheTraitItActsAtOnceThenReportsTheResult() {
        List<ChatMessage> conversation = start(PLAIN, "Please refund order A7, it arrived broken.");

        ToolCall first = call(conversation);
        assertThat(first.name()).isEqualTo("refund_order");
        assertThat(first.arguments()).isEqualTo("{\"order_id\":\"A7\"}");
        answer(conversation, first, "refunded");
        assertThat(reply(conversation).text()).isEqualTo("According to refund_order: refunded.");
    }

    @Test
    void withTheTraitItLooksTheOrderUpFirstThenActs() {
        List<ChatMessage> conversation = start(LOOK_UP_FIRST, "Please refund order A7, it arrived broken.");

        ToolCall first = call(conversation);
        assertThat(first.name()).isEqualTo("lookup_order");
        assertThat(first.arguments()).isEqualTo("{\"order_id\":\"A7\"}");
        answer(conversation, first, "{\"status\":\"delivered\"}");
        ToolCall second = call(conversation);
        assertThat(second.name()).isEqualTo("refund_order");
        answer(conversation, second, "refunded");
        assertThat(reply(conversation).text()).startsWith("According to");
    }

    @Test
    void anOrderLookedUpEarlierInTheConversationIsNotLookedUpAgain() {
        List<ChatMessage> conversation = new ArrayList<>();
        conversation.add(ChatMessage.system(LOOK_UP_FIRST));
        conversation.add(ChatMessage.user("Where is order B2?"));
        ToolCall lookup = new ToolCall("c1", "lookup_order", "{\"order_id\":\"B2\"}");
        conversation.add(ChatMessage.assistant(null, List.of(lookup)));
        conversation.add(ChatMessage.toolResult("c1", "{\"status\":\"delivered\"}"));
        conversation.add(ChatMessage.assistant("It was delivered."));
        conversation.add(ChatMessage.user("Then refund order B2, please."));

        assertThat(call(conversation).name()).isEqualTo("refund_order");
    }

    @Test
    void aMessageWithoutAnIdIsActedOnAtOnceEvenWithTheTrait() {
        List<ToolDefinition> withEscalate = new ArrayList<>(TOOLS);
        withEscalate.add(new ToolDefinition("escalate", "Hand over to a person.", new JsonSchema(ORDER), false));
        ChatResponse response = role.respond(
                ChatRequest.builder()
                        .messages(start(LOOK_UP_FIRST, "Please escalate this, I want a person."))
                        .tools(withEscalate)
                        .build(),
                "sim-tool-user (SIMULATOR)");

        assertThat(response.toolCalls()).extracting(ToolCall::name).containsExactly("escalate");
    }

    @Test
    void theCriticNamesAnOutOfOrderTrajectoryAndTheOptimizerHasItsRemedy() throws Exception {
        var trace = new ObjectMapper()
                .readTree("{\"answer\": \"According to refund_order: refunded.\", \"failure\": {\"kind\":"
                        + " \"value\", \"message\": \"Expected calls of lookup_order, then refund_order, in this"
                        + " order, but the model took 2 steps with no stated confidence:\\n  1. refund_order"
                        + " {\\\"order_id\\\":\\\"A7\\\"} -> refunded\"}}");

        List<Critique> critiques = FailureClassifier.classify(CaseEvidence.of(trace));

        assertThat(critiques).extracting(Critique::label).containsExactly(FailureLabel.ACTED_BEFORE_LOOKING_UP);
        assertThat(Remedy.forLabel(FailureLabel.ACTED_BEFORE_LOOKING_UP.label()))
                .contains(Remedy.LOOK_UP_FIRST);
        assertThat(TraitDetector.detect(PLAIN + "\n" + Remedy.LOOK_UP_FIRST.sentence())
                        .lookUpFirst())
                .isTrue();
    }

    private static List<ChatMessage> start(String system, String user) {
        List<ChatMessage> conversation = new ArrayList<>();
        conversation.add(ChatMessage.system(system));
        conversation.add(ChatMessage.user(user));
        return conversation;
    }

    private ChatResponse reply(List<ChatMessage> conversation) {
        return role.respond(
                ChatRequest.builder().messages(conversation).tools(TOOLS).build(), "sim-tool-user (SIMULATOR)");
    }

    private ToolCall call(List<ChatMessage> conversation) {
        ChatResponse response = reply(conversation);
        assertThat(response.toolCalls()).hasSize(1);
        return response.toolCalls().get(0);
    }

    private static void answer(List<ChatMessage> conversation, ToolCall call, String result) {
        conversation.add(ChatMessage.assistant(null, List.of(call)));
        conversation.add(ChatMessage.toolResult(call.id(), result));
    }
}
