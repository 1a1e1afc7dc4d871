package dev.rpt.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rpt.api.ToolCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpectedToolsTests {

    private static final ToolCall LOOKUP_A1 =
            new ToolCall("c1", "lookup_order", "{\"order_id\": \"A1\", \"full\": true}");
    private static final ToolCall REFUND = new ToolCall("c2", "refund", "{\"order_id\":\"A1\",\"amount\":25}");

    @Test
    void selectionComparesTheToolsCalledAsASet() {
        ExpectedTools expected = of("[\"lookup_order\", {\"name\": \"refund\"}]");

        assertThat(expected.selectionHolds(List.of(LOOKUP_A1, REFUND))).isTrue();
        assertThat(expected.selectionHolds(List.of(REFUND, LOOKUP_A1, LOOKUP_A1)))
                .as("order and repeats aside")
                .isTrue();
        assertThat(expected.selectionHolds(List.of(LOOKUP_A1)))
                .as("a missing call")
                .isFalse();
        assertThat(of("[\"lookup_order\"]").selectionHolds(List.of(LOOKUP_A1, REFUND)))
                .as("a call beyond them")
                .isFalse();
        assertThat(of("[]").selectionHolds(List.of())).as("[] expects no call").isTrue();
        assertThat(of("[]").selectionHolds(List.of(REFUND))).isFalse();
    }

    @Test
    void argumentsAreComparedParsedAsASubsetAndOnlyWhereStated() {
        assertThat(of("[{\"name\": \"lookup_order\", \"arguments\": {\"order_id\": \"A1\"}}]")
                        .argumentsHold(List.of(LOOKUP_A1)))
                .contains(true);
        assertThat(of("[{\"name\": \"refund\", \"arguments\": {\"amount\": 25.0}}]")
                        .argumentsHold(List.of(REFUND)))
                .as("25 equals 25.0")
                .contains(true);
        assertThat(of("[{\"name\": \"lookup_order\", \"arguments\": {\"order_id\": \"B7\"}}]")
                        .argumentsHold(List.of(LOOKUP_A1)))
                .contains(false);
        assertThat(of("[{\"name\": \"refund\", \"arguments\": {}}]")
                        .argumentsHold(List.of(new ToolCall("c3", "refund", "{not json"))))
                .as("arguments that are not JSON hold nothing")
                .contains(false);
        assertThat(of("[\"lookup_order\"]").argumentsHold(List.of(LOOKUP_A1)))
                .as("no expected call states arguments")
                .isEmpty();
    }

    @Test
    void aCaseWithoutTheColumnExpectsNothingAndABadOneIsOneErrorSayingWhatToWrite() {
        assertThat(ExpectedTools.of(Map.of("message", "hi"))).isEmpty();
        assertThatThrownBy(() -> of("{\"lookup_order\": {}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The case's expected-tools must be a list")
                .hasMessageContaining("e.g. [\"lookup_order\"");
        assertThatThrownBy(() -> of("[\"lookup_order\", 7]"))
                .hasMessageContaining("entry 2 is neither a tool name nor an object with a name: 7");
        assertThatThrownBy(() -> of("[{\"name\": \"refund\", \"arguments\": \"A1\"}]"))
                .hasMessageContaining("entry 1 has arguments that are not a JSON object");
        assertThatThrownBy(() -> of("[lookup_order]")).hasMessageContaining("is not JSON");
    }

    private static ExpectedTools of(String json) {
        Optional<ExpectedTools> expected = ExpectedTools.of(Map.of(ExpectedTools.VARIABLE, json));
        assertThat(expected).isPresent();
        return expected.orElseThrow();
    }
}
