package dev.rpt.core.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupedMetricsTests {

    @Test
    void measuresEachGroupAndTheWholeRunFromTheCases() {
        Map<String, List<CaseOutcome>> groups = new LinkedHashMap<>();
        groups.put("Summaries", List.of(CaseOutcome.passed(0.9), CaseOutcome.failed(0.9), CaseOutcome.errored()));
        groups.put(
                "Arithmetic",
                List.of(
                        CaseOutcome.passed(0.6),
                        CaseOutcome.passed(0.8),
                        CaseOutcome.passed(0.7),
                        CaseOutcome.passed(0.5)));

        GroupedMetrics grouped = GroupedMetrics.of(groups, MetricsOptions.DEFAULTS);

        assertThat(grouped.byGroup().keySet()).containsExactly("Arithmetic", "Summaries");
        assertThat(grouped.byGroup().get("Summaries").accuracy()).hasValue(0.5);
        assertThat(grouped.byGroup().get("Arithmetic").accuracy()).hasValue(1.0);
        // pooled: 5 right of 6 scored, not the mean of 0.5 and 1.0
        assertThat(grouped.overall().n()).isEqualTo(6);
        assertThat(grouped.overall().errored()).isEqualTo(1);
        assertThat(grouped.overall().accuracy().getAsDouble()).isCloseTo(5.0 / 6, within(1e-12));
        // AUROC needs both classes: undefined in Arithmetic, defined overall
        assertThat(grouped.byGroup().get("Arithmetic").auroc()).isEmpty();
        assertThat(grouped.overall().auroc()).isPresent();
    }

    @Test
    void groupsUseTheGivenOptions() {
        GroupedMetrics grouped = GroupedMetrics.of(
                Map.of("only", List.of(CaseOutcome.passed(0.5))), MetricsOptions.DEFAULTS.withBins(4));

        assertThat(grouped.byGroup().get("only").reliability()).hasSize(4);
        assertThat(grouped.overall().reliability()).hasSize(4);
    }

    @Test
    void noGroupsIsAnEmptyRun() {
        GroupedMetrics grouped = GroupedMetrics.of(Map.of(), MetricsOptions.DEFAULTS);

        assertThat(grouped.byGroup()).isEmpty();
        assertThat(grouped.overall().n()).isZero();
        assertThat(grouped.overall().accuracy()).isEmpty();
    }
}
