package dev.rpt.tools.tune.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rpt.tools.gate.RegressionOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The adoption rule's benchmark on synthetic outcomes with a known truth. The reduced form runs in every build; the
 * full form (1,000 repetitions per row, the table of docs/tuning.md) only with {@code -Drpt.bench.full=true}.
 */
class AdoptionBenchmarkTests {

    @Test
    void noiseIsRarelyAdoptedARealGainUsuallyIsAndTheConfirmationNumberIsUnbiasedOnlyOverAllTunes() {
        AdoptionBenchmark benchmark = new AdoptionBenchmark(200, RegressionOptions.DEFAULTS.withResamples(200));

        AdoptionBenchmark.Outcome noise = benchmark.run(50, 50, 0.0, 11);
        AdoptionBenchmark.Outcome real = benchmark.run(50, 50, 0.20, 12);
        AdoptionBenchmark.Outcome small = benchmark.run(50, 50, 0.05, 13);

        // With no true gain the best of four candidates still "beats" the seed on the selection cases most of the
        // time; the previous rule adopted it then.
        assertThat(noise.naiveAdopted()).isGreaterThan(0.5);
        assertThat(noise.adopted()).as("noise adopted at most about alpha").isLessThanOrEqualTo(0.08);
        assertThat(noise.selectionGain())
                .as("the winner's selection gain is biased upward")
                .isGreaterThan(0.03);
        assertThat(noise.confirmationGain()).as("its confirmation gain is not").isBetween(-0.02, 0.02);
        assertThat(real.adopted())
                .as("a +0.20 gain on 50 confirmation cases is usually adopted (87% in the full run)")
                .isGreaterThan(0.75);
        assertThat(real.confirmationGain()).isBetween(0.15, 0.25);
        // Over every tune the confirmation gain is unbiased; over the tunes that adopt, it is not: a small true gain
        // is adopted only when its confirmation gain came out large (the winner's curse of a significance filter).
        assertThat(small.confirmationGain()).as("over all tunes").isBetween(0.03, 0.07);
        assertThat(small.adoptedConfirmationGain())
                .as("over the tunes that adopted a true +0.05")
                .isGreaterThan(0.10);
    }

    @Test
    void fullBenchmark() throws IOException {
        assumeTrue(Boolean.getBoolean("rpt.bench.full"), "the full benchmark runs with -Drpt.bench.full=true");
        int repetitions = 1000;
        List<AdoptionBenchmark.Outcome> outcomes =
                new AdoptionBenchmark(repetitions, RegressionOptions.DEFAULTS).runAll();
        String table = AdoptionBenchmark.table(outcomes, repetitions);
        System.out.println(table);
        Files.writeString(Path.of("target/adoption-benchmark.md"), table);
        for (AdoptionBenchmark.Outcome o : outcomes) {
            if (o.trueGain() == 0) {
                assertThat(o.adopted()).as("noise adopted at " + o).isLessThanOrEqualTo(0.06);
            }
        }
    }
}
