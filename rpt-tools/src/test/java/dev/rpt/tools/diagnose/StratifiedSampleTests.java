package dev.rpt.tools.diagnose;

import static dev.rpt.tools.diagnose.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StratifiedSampleTests {

    private static List<FailedCase> cases(int value, int format, int missing) {
        List<FailedCase> cases = new ArrayList<>();
        for (int i = 0; i < value; i++) {
            cases.add(failure("v" + i, "value", "m"));
        }
        for (int i = 0; i < format; i++) {
            cases.add(failure("f" + i, "format", "m"));
        }
        for (int i = 0; i < missing; i++) {
            cases.add(failure("m" + i, "missing", "m"));
        }
        return cases;
    }

    private static Map<String, Long> perKind(List<FailedCase> sample) {
        return sample.stream().collect(Collectors.groupingBy(FailedCase::failureKind, Collectors.counting()));
    }

    @Test
    void keepsEverythingUnderTheCap() {
        List<FailedCase> cases = cases(3, 2, 0);
        assertThat(StratifiedSample.select(cases, 5)).isEqualTo(cases);
    }

    @Test
    void allocatesProportionallyWithAtLeastOnePerKind() {
        // Shares of 20: value 16, format 3.8, missing 0.2. The rare kind's guaranteed slot comes out of the smallest
        // remaining claim, format's.
        List<FailedCase> sample = StratifiedSample.select(cases(160, 38, 2), 20);
        assertThat(sample).hasSize(20);
        assertThat(perKind(sample))
                .containsEntry("value", 16L)
                .containsEntry("format", 3L)
                .containsEntry("missing", 1L);
    }

    @Test
    void keepsInputOrderAndDependsOnlyOnTheCases() {
        List<FailedCase> cases = cases(50, 50, 0);
        List<FailedCase> reversed = new ArrayList<>(cases);
        java.util.Collections.reverse(reversed);

        List<String> a =
                StratifiedSample.select(cases, 10).stream().map(FailedCase::id).toList();
        List<String> b = StratifiedSample.select(reversed, 10).stream()
                .map(FailedCase::id)
                .toList();

        assertThat(a).containsExactlyInAnyOrderElementsOf(b);
        assertThat(cases.stream().map(FailedCase::id).filter(a::contains).toList())
                .isEqualTo(a);
        // Not simply the first cases of each kind.
        assertThat(a).isNotEqualTo(List.of("v0", "v1", "v2", "v3", "v4", "f0", "f1", "f2", "f3", "f4"));
    }
}
