package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.api.ToolCall;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.Role;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.prompt.PromptFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTests {

    private static final PromptFile PROMPT = PromptFile.parse("p.prompt", "{{role \"user\"}}\n{{q}}\n");

    @Test
    void allKeepsEveryReport() {
        assertThat(reports(conversation(MemoryPolicy.ALL, 5)))
                .containsExactly("{report 1}", "{report 2}", "{report 3}");
    }

    @Test
    void lastDropsEarlierReportsButKeepsTheToolStructure() {
        Conversation conversation = conversation(MemoryPolicy.LAST, 5);

        assertThat(reports(conversation))
                .containsExactly(
                        "[report of iteration 1 omitted: memory policy last]",
                        "[report of iteration 2 omitted: memory policy last]",
                        "{report 3}");
        assertThat(conversation.messages()).hasSize(8);
    }

    @Test
    void summaryCondensesEarlierReportsToTheirMetricsAndModes() {
        assertThat(reports(conversation(MemoryPolicy.SUMMARY, 5)))
                .containsExactly(
                        "[summary of iteration 1: accuracy 0.500, ECE 0.300, Brier 0.340; failure modes: mode 1]",
                        "[summary of iteration 2: accuracy 0.500, ECE 0.300, Brier 0.340; failure modes: mode 2]",
                        "{report 3}");
    }

    @Test
    void lastKKeepsTheLatestK() {
        assertThat(reports(conversation(MemoryPolicy.LAST_K, 2)))
                .containsExactly(
                        "[summary of iteration 1: accuracy 0.500, ECE 0.300, Brier 0.340; failure modes: mode 1]",
                        "{report 2}",
                        "{report 3}");
    }

    private static Conversation conversation(MemoryPolicy policy, int k) {
        Conversation conversation = new Conversation(policy, k);
        conversation.add(ChatMessage.system("controller"));
        conversation.add(ChatMessage.user("brief"));
        for (int i = 1; i <= 3; i++) {
            String id = "call_" + i;
            conversation.add(ChatMessage.assistant(null, List.of(new ToolCall(id, "evaluate_prompt", "{}"))));
            conversation.addReport(id, evaluation(i));
        }
        return conversation;
    }

    private static List<String> reports(Conversation conversation) {
        return conversation.messages().stream()
                .filter(m -> m.role() == Role.TOOL)
                .map(ChatMessage::content)
                .toList();
    }

    private static Evaluation evaluation(int iteration) {
        // accuracy 0.5; confidences 0.8: ECE |0.5 - 0.8| = 0.3; Brier (0.04 + 0.64) / 2 = 0.34
        Metrics metrics = Metrics.of(List.of(CaseOutcome.passed(0.8), CaseOutcome.failed(0.8)));
        return new Evaluation(
                iteration, PROMPT, "{report " + iteration + "}", metrics, metrics, List.of("mode " + iteration));
    }
}
