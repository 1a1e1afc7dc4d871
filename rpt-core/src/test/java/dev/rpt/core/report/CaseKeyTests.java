package dev.rpt.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CaseKeyTests {

    @Test
    void spellsACaseOneWayAcrossClassesAndAnotherWithinItsClass() {
        CaseKey key = new CaseKey("com.acme.MathTests[gpt]", "solves", "gsm-05");

        // The confirmation split hashes the qualified text: this spelling is part of which cases confirm.
        assertThat(key.qualified()).isEqualTo("com.acme.MathTests[gpt]#solves#gsm-05");
        assertThat(key).hasToString(key.qualified());
        assertThat(key.inClass()).isEqualTo("solves[gsm-05]");
    }

    @Test
    void ordersByClassThenMethodThenId() {
        CaseKey a = new CaseKey("A", "m", "2");
        CaseKey b = new CaseKey("A", "m", "10");
        CaseKey c = new CaseKey("A", "n", "1");
        CaseKey d = new CaseKey("B", "a", "1");

        assertThat(new TreeSet<>(List.of(d, c, a, b))).containsExactly(b, a, c, d);
    }
}
