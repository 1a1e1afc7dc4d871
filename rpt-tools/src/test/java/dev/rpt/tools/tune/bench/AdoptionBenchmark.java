package dev.rpt.tools.tune.bench;

import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.tools.bench.ExactInterval;
import dev.rpt.tools.gate.PairedImprovement;
import dev.rpt.tools.gate.RegressionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How the tuner's adoption rule behaves when the truth is known, on synthetic paired outcomes (no model, no
 * simulator): a seed that answers a share {@code p0} of cases right, and {@code candidates} candidates whose true
 * accuracy is {@code p0 + gain}, each case of a candidate differing from the seed's independently. The best candidate
 * on the selection cases is then confirmed on separate cases, as {@code rpt:tune} does, and compared with the rule
 * rpt used before (adopt whenever the winner beat the seed on the held-out cases that chose it).
 *
 * <p>Run in full with {@code java dev.rpt.tools.tune.bench.AdoptionBenchmark <repetitions>} from the test classpath,
 * or through {@code AdoptionBenchmarkTests} with {@code -Drpt.bench.full=true}.
 */
public final class AdoptionBenchmark {

    /** The seed's accuracy in every scenario: a prompt worth tuning. */
    static final double SEED_ACCURACY = 0.6;

    /** The share of cases a candidate newly gets wrong that the seed got right: prompts churn. */
    static final double LOSS_RATE = 0.05;

    /** How many candidates a tune compares (rpt.tune.max-iterations 5: the seed and four). */
    static final int CANDIDATES = 4;

    private final int repetitions;
    private final RegressionOptions options;

    public AdoptionBenchmark(int repetitions, RegressionOptions options) {
        this.repetitions = repetitions;
        this.options = options;
    }

    /**
     * One scenario's result.
     *
     * @param selectionCases the held-out cases that rank the candidates
     * @param confirmationCases the held-out cases that confirm the winner
     * @param trueGain every candidate's true accuracy gain over the seed
     * @param adopted how often the rule adopted the winner
     * @param naiveAdopted how often the previous rule (any held-out win) adopted it
     * @param selectionGain the winner's mean measured gain on the selection cases: biased upward by the choice
     * @param confirmationGain its mean measured gain on the confirmation cases, over every tune: unbiased
     * @param adoptedConfirmationGain the mean confirmation gain over the tunes that adopted (NaN when none did): what a
     *     user who sees "Adopted" reads, inflated because only gains that came out large enough are adopted
     */
    public record Outcome(
            int selectionCases,
            int confirmationCases,
            double trueGain,
            double adopted,
            double naiveAdopted,
            double selectionGain,
            double confirmationGain,
            double adoptedConfirmationGain) {}

    /** Runs one scenario. */
    public Outcome run(int selectionCases, int confirmationCases, double trueGain, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int adopted = 0;
        int naive = 0;
        double selectionGain = 0;
        double confirmationGain = 0;
        double adoptedGain = 0;
        for (int r = 0; r < repetitions; r++) {
            boolean[] seedSelection = seedAnswers(random, selectionCases);
            boolean[] seedConfirmation = seedAnswers(random, confirmationCases);
            double bestScore = Double.NEGATIVE_INFINITY;
            boolean[] bestConfirmation = null;
            for (int c = 0; c < CANDIDATES; c++) {
                boolean[] selection = candidateAnswers(random, seedSelection, trueGain);
                boolean[] confirmation = candidateAnswers(random, seedConfirmation, trueGain);
                double score = accuracy(selection);
                if (score > bestScore) {
                    bestScore = score;
                    bestConfirmation = confirmation;
                }
            }
            double measuredSelectionGain = bestScore - accuracy(seedSelection);
            selectionGain += measuredSelectionGain;
            if (measuredSelectionGain > 0) {
                naive++;
                PairedImprovement confirmation =
                        PairedImprovement.of(outcomes(seedConfirmation), outcomes(bestConfirmation), 0.05, options);
                if (confirmation.significant(0.02, 0.05)) {
                    adopted++;
                    adoptedGain += accuracy(bestConfirmation) - accuracy(seedConfirmation);
                }
            }
            confirmationGain += accuracy(bestConfirmation) - accuracy(seedConfirmation);
        }
        return new Outcome(
                selectionCases,
                confirmationCases,
                trueGain,
                (double) adopted / repetitions,
                (double) naive / repetitions,
                selectionGain / repetitions,
                confirmationGain / repetitions,
                adopted == 0 ? Double.NaN : adoptedGain / adopted);
    }

    /** The scenarios of docs/tuning.md: held-out sets of 40, 100 and 200 cases, half of them confirming. */
    public List<Outcome> runAll() {
        List<Outcome> outcomes = new ArrayList<>();
        long seed = 1;
        for (int heldOut : new int[] {40, 100, 200}) {
            for (double gain : new double[] {0.0, 0.05, 0.10, 0.20}) {
                outcomes.add(run(heldOut / 2, heldOut - heldOut / 2, gain, seed++));
            }
        }
        return outcomes;
    }

    /** The results as the Markdown table docs/tuning.md shows. */
    public static String table(List<Outcome> outcomes, int repetitions) {
        StringBuilder table = new StringBuilder();
        table.append(
                "| held-out cases (selection + confirmation) | true gain | adopted (rpt) | adopted (any held-out win)"
                        + " | winner's gain on selection | on confirmation | on confirmation, when adopted |\n"
                        + "|---|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %d + %d | %+.2f | %s | %s | %+.3f | %+.3f | %s |%n",
                    o.selectionCases(),
                    o.confirmationCases(),
                    o.trueGain(),
                    ExactInterval.rate((int) Math.round(o.adopted() * repetitions), repetitions),
                    ExactInterval.rate((int) Math.round(o.naiveAdopted() * repetitions), repetitions),
                    o.selectionGain(),
                    o.confirmationGain(),
                    Double.isNaN(o.adoptedConfirmationGain())
                            ? "none adopted"
                            : String.format(Locale.ROOT, "%+.3f", o.adoptedConfirmationGain())));
        }
        table.append(String.format(
                Locale.ROOT,
                "%n%d repetitions per row; seed accuracy %.2f, %d candidates, loss rate %.2f, alpha 0.05, minimum gain"
                        + " 0.02.%n",
                repetitions,
                SEED_ACCURACY,
                CANDIDATES,
                LOSS_RATE));
        return table.toString();
    }

    public static void main(String[] args) {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        System.out.print(table(new AdoptionBenchmark(repetitions, RegressionOptions.DEFAULTS).runAll(), repetitions));
    }

    private static boolean[] seedAnswers(SplittableRandom random, int n) {
        boolean[] answers = new boolean[n];
        for (int i = 0; i < n; i++) {
            answers[i] = random.nextDouble() < SEED_ACCURACY;
        }
        return answers;
    }

    /**
     * A candidate's answers given the seed's: a case the seed got right is lost with {@link #LOSS_RATE}; a case it got
     * wrong is won with the rate that makes the candidate's true accuracy {@code SEED_ACCURACY + gain}.
     */
    private static boolean[] candidateAnswers(SplittableRandom random, boolean[] seed, double gain) {
        double winRate = (gain + SEED_ACCURACY * LOSS_RATE) / (1 - SEED_ACCURACY);
        boolean[] answers = new boolean[seed.length];
        for (int i = 0; i < seed.length; i++) {
            answers[i] = seed[i] ? random.nextDouble() >= LOSS_RATE : random.nextDouble() < winRate;
        }
        return answers;
    }

    private static double accuracy(boolean[] answers) {
        int right = 0;
        for (boolean answer : answers) {
            right += answer ? 1 : 0;
        }
        return answers.length == 0 ? 0 : (double) right / answers.length;
    }

    private static List<List<CaseOutcome>> outcomes(boolean[] answers) {
        List<List<CaseOutcome>> outcomes = new ArrayList<>();
        for (boolean answer : answers) {
            outcomes.add(List.of(answer ? CaseOutcome.passed(0.7) : CaseOutcome.failed(0.7)));
        }
        return outcomes;
    }
}
