package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TuneOutputTests {

    @Test
    void printsEveryFailureModeWithItsCountPrevalenceDefinitionAndExamples() {
        String report = """
                {"schemaVersion": 1, "failureModes": [
                  {"label": "answer holds several numbers", "definition": "The answer lists intermediate values.",
                   "count": 14, "prevalence": 0.52, "examples": ["gsm-03", "gsm-11"]},
                  {"label": "wrong final number", "definition": "", "count": 5, "prevalence": 0.185, "examples": []}]}
                """;

        List<String> lines = TuneOutput.failureModes(report);

        assertThat(lines)
                .containsExactly(
                        "1. answer holds several numbers: 14 cases (52% of failures), e.g. gsm-03, gsm-11",
                        "   The answer lists intermediate values.", "2. wrong final number: 5 cases (19% of failures)");
    }

    @Test
    void saysSoWhenNothingFailed() {
        assertThat(TuneOutput.failureModes("{\"failureModes\": []}"))
                .containsExactly("no failure modes: no optimization-split case failed");
    }
}
