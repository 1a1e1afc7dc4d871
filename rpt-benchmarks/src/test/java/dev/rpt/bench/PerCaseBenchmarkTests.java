package dev.rpt.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.core.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The JMH benchmark measures a path that works: every operation answers right and the run's report is complete. */
class PerCaseBenchmarkTests {

    @Test
    void everyOperationAnswersTheCaseRight() throws IOException {
        PerCaseBenchmark benchmark = new PerCaseBenchmark();
        benchmark.prepare();
        benchmark.openReport();
        try {
            assertThat(benchmark.evaluate().text()).isEqualTo("1");
            assertThat(benchmark.evaluate().confidence()).hasValue(0.9);
            assertThat(benchmark.evaluateAssertAndRecord().text()).isEqualTo("3");

            Path report = benchmark.run1000Cases();
            RunReport run = RunReport.read(report);
            assertThat(run.cases()).hasSize(1_000).allMatch(c -> c.verdict() == Verdict.PASSED);
            assertThat(run.cases()).extracting(CaseRecord::id).contains("case-0", "case-999");
        } finally {
            benchmark.closeReport();
            benchmark.deleteReports();
        }
    }

    @Test
    void theLoopbackBenchmarkReachesTheFakeServer() throws IOException {
        PerCaseBenchmark benchmark = new PerCaseBenchmark();
        benchmark.prepare();
        PerCaseBenchmark.Loopback loopback = new PerCaseBenchmark.Loopback();
        loopback.start();
        try {
            assertThat(benchmark.evaluateOverLoopback(loopback).text()).isEqualTo("1");
        } finally {
            loopback.stop();
            benchmark.deleteReports();
        }
    }
}
