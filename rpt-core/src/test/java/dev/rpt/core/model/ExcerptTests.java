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
    void headAndTailLeavesShortTextWhole() {
        assertThat(Excerpt.headAndTail("So the answer is\n(E).", 100)).isEqualTo("So the answer is (E).");
        assertThat(Excerpt.headAndTail(null, 100)).isEqualTo("<none>");
    }
}
