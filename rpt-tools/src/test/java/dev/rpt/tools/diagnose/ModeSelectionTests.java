package dev.rpt.tools.diagnose;

import static dev.rpt.tools.diagnose.Fixtures.mode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModeSelectionTests {

    @Test
    void keepsModesWithAtLeastTenPercentPrevalence() {
        List<FailureMode> sorted =
                List.of(mode("a", 50, 100), mode("b", 10, 100), mode("c", 9, 100), mode("d", 1, 100));
        assertThat(ModeTally.keep(sorted)).extracting(FailureMode::label).containsExactly("a", "b");
    }

    @Test
    void keepsTheTopThreeWhenNoModeReachesTenPercent() {
        List<FailureMode> sorted =
                List.of(mode("a", 9, 100), mode("b", 8, 100), mode("c", 7, 100), mode("d", 6, 100), mode("e", 5, 100));
        assertThat(ModeTally.keep(sorted)).extracting(FailureMode::label).containsExactly("a", "b", "c");
    }

    @Test
    void theTallySortsByCountAndComputesPrevalenceOverFailedCases() {
        List<FailedCase> failures = new ArrayList<>();
        Map<String, List<ModeName>> assignment = new java.util.LinkedHashMap<>();
        ModeName common = new ModeName("common", "d");
        ModeName rare = new ModeName("rare", "d");
        for (int i = 0; i < 20; i++) {
            failures.add(Fixtures.failure("c" + i, "value", "m"));
            // One case shows both modes: it counts once for each.
            assignment.put("c" + i, i == 0 ? List.of(rare, common) : i == 1 ? List.of(rare) : List.of(common));
        }

        FailureAnalysis analysis = ModeTally.tally(failures, assignment, Set.of(), Grouping.EXACT, 0, 0);

        assertThat(analysis.allModes())
                .extracting(FailureMode::label, FailureMode::count, FailureMode::prevalence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("common", 19, 0.95),
                        org.assertj.core.groups.Tuple.tuple("rare", 2, 0.1));
        assertThat(analysis.modes()).hasSize(2);
    }
}
