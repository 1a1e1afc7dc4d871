package dev.rpt.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.rpt.api.CaseOrigin;
import dev.rpt.api.PromptCase;
import dev.rpt.api.Split;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CaseOriginTests {

    @Test
    void printsFileAndLineOrJustTheFile() {
        assertThat(new CaseOrigin("cases/math.jsonl", 3)).hasToString("cases/math.jsonl:3");
        assertThat(CaseOrigin.of("MathSolverPromptTests.java")).hasToString("MathSolverPromptTests.java");
        assertThat(new CaseProblem("cases/math.csv", 0, "is empty")).hasToString("cases/math.csv: is empty");
    }

    @Test
    void negativeLineIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CaseOrigin("a.csv", -1));
    }

    @Test
    void promptCaseCopiesItsVariables() {
        Map<String, String> vars = new HashMap<>(Map.of("q", "1"));
        PromptCase promptCase = new PromptCase("a", Split.TUNE, vars, CaseOrigin.of("a.csv"));

        vars.put("q", "changed");

        assertThat(promptCase.vars()).containsExactly(Map.entry("q", "1"));
    }
}
