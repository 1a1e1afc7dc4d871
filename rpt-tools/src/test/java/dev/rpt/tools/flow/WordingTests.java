package dev.rpt.tools.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line's users are told what to run in its words; Maven's are left as the messages say. */
class WordingTests {

    @Test
    void theGatesAdviceNamesTheCommandLinesCommands() {
        // Messages as rpt-tools writes them (RegressionCheck, MetricComparison, GateResult, Baseline, HtmlReport).
        assertThat(Wording.COMMAND_LINE.apply("Run `mvn rpt:tune`, or accept with `mvn rpt:baseline`."))
                .isEqualTo("Run `rpt tune`, or accept with `rpt baseline`.");
        assertThat(Wording.COMMAND_LINE.apply("rpt:check found 2 problem(s):"))
                .isEqualTo("rpt check found 2 problem(s):");
        assertThat(Wording.COMMAND_LINE.apply(
                        "pool a few more runs into the baseline (mvn verify rpt:baseline -Drpt.baseline.pool=true;"
                                + " docs/ci.md, Pooled baselines)"))
                .isEqualTo("pool a few more runs into the baseline (rpt baseline --pool, after the prompt tests ran;"
                        + " docs/ci.md, Pooled baselines)");
        assertThat(Wording.COMMAND_LINE.apply(
                        "write the baseline again with this version of rpt (`mvn verify" + " rpt:baseline`)"))
                .as("a code span holds only what runs")
                .isEqualTo("write the baseline again with this version of rpt (`rpt baseline` (after the prompt"
                        + " tests ran))");
        assertThat(Wording.COMMAND_LINE.apply(
                        "Run the prompt tests again, or write the baseline anyway with -Drpt.baseline.force=true."))
                .isEqualTo("Run the prompt tests again, or write the baseline anyway with --force.");
        assertThat(Wording.COMMAND_LINE.apply("Run the prompt tests first (`mvn test`), or point rpt.report.dir"))
                .isEqualTo("Run the prompt tests first (`gradle test` or `mvn test`), or point rpt.report.dir");
        assertThat(Wording.COMMAND_LINE.apply("Run the prompt tests again (e.g. mvn verify) with this version"))
                .isEqualTo("Run the prompt tests again (e.g. gradle test or mvn verify) with this version");
        assertThat(Wording.COMMAND_LINE.apply("(≥ 0.750 ✓)); mvn verify judges every case of the class"))
                .isEqualTo("(≥ 0.750 ✓)); rpt check judges every case of the class");
    }

    @Test
    void whatNamesNoGoalIsLeftAlone() {
        String plain = "accuracy 0.80 [0.70, 0.87] ≥ 0.75 ok; -Drpt.check.alpha=0.05; rpt.judge.model; mvn-like";
        assertThat(Wording.COMMAND_LINE.apply(plain)).isEqualTo(plain);
        assertThat(Wording.COMMAND_LINE.apply("run the prompt tests first (mvn test, gradle test)"))
                .as("already worded for any build")
                .isEqualTo("run the prompt tests first (mvn test, gradle test)");
        assertThat(Wording.MAVEN.apply("Run `mvn rpt:tune`.")).isEqualTo("Run `mvn rpt:tune`.");
        assertThat(Wording.COMMAND_LINE.apply(null)).isNull();
    }
}
