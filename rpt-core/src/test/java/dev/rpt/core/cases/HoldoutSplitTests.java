package dev.rpt.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.api.Split;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoldoutSplitTests {

    /** Positions computed outside the JVM (Python hashlib), so the hash is pinned across platforms. */
    @ParameterizedTest
    @CsvSource({
        "rpt,   q1,     0.22964192128006022",
        "rpt,   add,    0.07252834784221451",
        "other, q1,     0.24164543152083806",
        "rpt,   line-4, 0.8406616372471808"
    })
    void positionIsTheSha256OfSaltAndIdAsAnUnsignedFraction(String salt, String id, double expected) {
        assertThat(HoldoutSplit.of(0.3, salt).position(id)).isCloseTo(expected, within(1e-15));
    }

    @Test
    void assignsHoldoutBelowTheFraction() {
        HoldoutSplit split = HoldoutSplit.defaults();

        assertThat(split.assign("q1")).isEqualTo(Split.HOLDOUT); // 0.2296 < 0.3
        assertThat(split.assign("line-4")).isEqualTo(Split.TUNE); // 0.8407 >= 0.3
        assertThat(HoldoutSplit.of(0.2, "rpt").assign("q1")).isEqualTo(Split.TUNE);
    }

    @Test
    void sameIdGivesTheSameSplitEveryTimeAndOtherIdsDoNotMatter() {
        HoldoutSplit first = HoldoutSplit.of(0.3, "rpt");
        HoldoutSplit second = HoldoutSplit.of(0.3, "rpt");

        IntStream.range(0, 1_000)
                .mapToObj(i -> "case-" + i)
                .forEach(id -> assertThat(second.assign(id)).isEqualTo(first.assign(id)));
    }

    @Test
    void shareOfHeldOutCasesConvergesOnTheFraction() {
        for (double fraction : new double[] {0.1, 0.3, 0.5}) {
            HoldoutSplit split = HoldoutSplit.of(fraction, "rpt");

            long held = IntStream.range(0, 10_000)
                    .mapToObj(i -> "q" + i)
                    .filter(id -> split.assign(id) == Split.HOLDOUT)
                    .count();

            assertThat(held / 10_000.0).as("fraction %s", fraction).isCloseTo(fraction, within(0.02));
        }
    }

    @Test
    void saltDrawsADifferentSplit() {
        HoldoutSplit a = HoldoutSplit.of(0.3, "rpt");
        HoldoutSplit b = HoldoutSplit.of(0.3, "rpt-2");

        long differ = IntStream.range(0, 1_000)
                .mapToObj(i -> "q" + i)
                .filter(id -> a.assign(id) != b.assign(id))
                .count();

        // Independent draws at 30% disagree on about 2 * 0.3 * 0.7 = 42% of ids.
        assertThat(differ).isBetween(300L, 540L);
    }

    @Test
    void fractionOutsideZeroToOneIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HoldoutSplit.of(1.5, "rpt"))
                .withMessage("holdout fraction must be between 0 and 1, got 1.5");
        assertThatIllegalArgumentException().isThrownBy(() -> HoldoutSplit.of(Double.NaN, "rpt"));
    }
}
