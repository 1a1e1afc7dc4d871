package dev.rpt.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.sim.Mistakes.Mistake;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MistakesTests {

    private static final KeyEntry DUCKS = KeyEntryParser.parse(
            "Janet's ducks lay 16 eggs per day. How much in dollars does she make?",
            "16 - 3 - 4 = <<16-3-4=9>>9 eggs.\n9 * 2 = $<<9*2=18>>18\n#### 18");

    private static final KeyEntry MINUTES = KeyEntryParser.parse(
            "A bath fills in 3 hours. How many hours for two baths?", "3 * 2 = <<3*2=6>>6\n#### 6");

    @Test
    void numericMistakesAreSkippedStepsOffByOneOrUnitSlipsAndNeverTheAnswer() {
        Set<String> seen = new HashSet<>();
        for (int sample = 0; sample < 200; sample++) {
            Mistake ducks = Mistakes.make(DUCKS, true, Draws.sampled(DUCKS.question(), 1L, sample));
            Mistake bath = Mistakes.make(MINUTES, true, Draws.sampled(MINUTES.question(), 1L, sample));
            assertThat(ducks.answer()).isNotEqualTo("18").isIn("9", "17", "19");
            assertThat(bath.answer()).isNotEqualTo("6").isIn("5", "7", "360");
            seen.add(ducks.answer());
            seen.add(bath.answer());
        }

        assertThat(seen).contains("9", "17", "19", "5", "7", "360");
    }

    @Test
    void justificationNamesTheSlip() {
        for (int sample = 0; sample < 50; sample++) {
            Mistake mistake = Mistakes.make(DUCKS, false, Draws.sampled(DUCKS.question(), 1L, sample));
            if (mistake.answer().equals("9")) {
                assertThat(mistake.justification()).contains("1 of 2 steps").contains("16-3-4 = 9");
            } else {
                assertThat(mistake.justification()).contains("miscounted by one");
            }
        }
    }

    @Test
    void noUnitSlipWhenUnitsAreChecked() {
        for (int sample = 0; sample < 100; sample++) {
            assertThat(Mistakes.make(MINUTES, false, Draws.sampled(MINUTES.question(), 1L, sample))
                            .answer())
                    .isIn("5", "7");
        }
    }

    @Test
    void symbolicAnswersGetANeighbouringOptionOrTheOpposite() {
        Draws draws = Draws.greedy("q");

        assertThat(Mistakes.make(KeyEntryParser.parse("Pick one.", "(A)"), true, draws)
                        .answer())
                .isEqualTo("(B)");
        assertThat(Mistakes.make(KeyEntryParser.parse("Pick one.", "(C)"), true, draws)
                        .answer())
                .isEqualTo("(B)");
        assertThat(Mistakes.make(KeyEntryParser.parse("Is it?", "True"), true, draws)
                        .answer())
                .isEqualTo("False");
        assertThat(Mistakes.make(KeyEntryParser.parse("Is it?", "valid"), true, draws)
                        .answer())
                .isEqualTo("invalid");
        assertThat(Mistakes.make(KeyEntryParser.parse("Sort.", "apple banana cherry"), true, draws)
                        .answer())
                .isEqualTo("apple banana");
    }
}
