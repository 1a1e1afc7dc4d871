package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.api.Split;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CandidateScoresTests {

    @Test
    void withRepeatsTheTunersIntervalsHaveTheCaseAsTheirUnit() {
        // 20 tune cases of 5 samples, each case right every time or wrong every time: 100 samples, 20 cases' worth.
        List<CaseRecord> records = new ArrayList<>();
        List<List<CaseOutcome>> byCase = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            List<CaseOutcome> samples = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                boolean right = c < 15;
                CaseRecord record = record("q" + c, s, right);
                records.add(record);
                samples.add(record.outcome());
            }
            byCase.add(samples);
        }
        RunReport run = new RunReport("run", new ModelInfo("sim", "sim", true), List.of(), records, UsageSnapshot.NONE);

        CandidateScores scores = CandidateScores.of(run, new ConfirmationSplit(0.5), MetricsOptions.DEFAULTS);

        Metrics perSample = Metrics.of(byCase.stream().flatMap(List::stream).toList(), MetricsOptions.DEFAULTS);
        assertThat(scores.tune().accuracy()).isEqualTo(perSample.accuracy());
        assertThat(scores.tune().accuracyCi())
                .isEqualTo(Metrics.ofCases(byCase, MetricsOptions.DEFAULTS).accuracyCi());
        assertThat(scores.tune().accuracyCi().orElseThrow().lower())
                .as("wider than 100 independent samples would give")
                .isLessThan(perSample.accuracyCi().orElseThrow().lower());
    }

    private static CaseRecord record(String id, int sample, boolean right) {
        return CaseRecord.builder("com.example.MathTests", "solves", id)
                .split(Split.TUNE)
                .verdict(right ? Verdict.PASSED : Verdict.FAILED)
                .answer(right ? "4" : "5")
                .confidence(0.8)
                .failure(right ? Optional.empty() : Optional.of(new CaseRecord.Failure("value", "expected 4")))
                .sample(sample)
                .build();
    }
}
