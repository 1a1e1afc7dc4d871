package dev.rpt.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptTests {

    @Test
    void cutsFromTheEndAndPutsTextOnOneLine() {
        assertThat(Excerpt.of("a\n  b\tc", 10)).isEqualTo("a b c");
        assertThat(Excerpt.of("abcdefghij", 4)).isEqualTo("abcd…");
        assertThat(Excerpt.of(null, 4)).isEqualTo("<none>");
    }

    @Test
    void headAndTailKeepsTheEndOfAChainOfThought() {
        String reply =
                "Let's think step by step. " + "The meeting was moved twice. ".repeat(20) + "So the answer is (E).";

        String excerpt = Excerpt.headAndTail(reply, 100);

        assertThat(excerpt)
                .startsWith("Let's think step by step.".substring(0, 20))
                .endsWith("So the answer is (E).");
        assertThat(excerpt).contains(" … ");
        assertThat(excerpt.length()).isLessThanOrEqualTo(103);
    }

    @Test
    void startAndEndKeepsBothAndSaysHowMuchItLeftOut() {
        String line = "a".repeat(200) + " " + "b".repeat(1_000) + " " + "c".repeat(99);

        assertThat(Excerpt.startAndEnd(line, 200, 100))
                .isEqualTo("a".repeat(200) + " … (1,002 characters left out) … " + "c".repeat(99));
        assertThat(Excerpt.startAndEnd("short\nline", 200, 100)).isEqualTo("short line");
        assertThat(Excerpt.startAndEnd("x".repeat(320), 200, 100))
                .as("no shorter for the cut")
                .hasSize(320);
        assertThat(Excerpt.startAndEnd(null, 200, 100)).isEqualTo("<none>");
    }

    @Test
    void headAndTailLeavesShortTextWhole() {
        assertThat(Excerpt.headAndTail("So the answer is\n(E).", 100)).isEqualTo("So the answer is (E).");
        assertThat(Excerpt.headAndTail(null, 100)).isEqualTo("<none>");
    }
}
