package dev.rpt.core.judge;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Judgement;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.thresholds.BoundCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * How well a judge agrees with people on one criterion, over the answers a person labelled: a case file column named
 * after the criterion's id holds the human verdict on the answer ({@code true}/{@code false}, also {@code yes}/{@code
 * no}, {@code 1}/{@code 0}, {@code met}/{@code unmet}; blank for none).
 *
 * <p>A verdict grades one answer. When the case file also holds the answer the person read, in the column {@value
 * #LABELLED_ANSWER}, a verdict counts only while the model still gives that answer (whitespace aside); once the prompt
 * or the model changes the answer, the verdict is <em>stale</em>: left out and counted, because agreement with a
 * verdict on another answer says nothing about the judge.
 *
 * @param criterion the criterion's id
 * @param n the judged answers with a current human verdict
 * @param stale the answers left out because their verdict was given on another answer
 * @param agreement the share of them on which the judge's verdict equals the human one, as metrics: its accuracy (with
 *     the Wilson interval) is the agreement rate
 * @param calibration the judge's stated probability against the human verdict, as metrics: Brier, ECE and the
 *     reliability bins say whether a judge that states 0.8 is right 80% of the time
 * @param kappa Cohen's kappa of the judge's and the human verdicts: agreement beyond what their base rates give by
 *     chance, 1 for perfect, 0 for chance; empty when it is undefined (both always say the same one thing)
 * @param table the judge's against the human verdicts, counted, for kappa's uncertainty; empty when the agreement was
 *     read from a report, which does not keep it
 * @param metRate how often the criterion is met, the judge's rate corrected by its measured error (prediction-powered
 *     inference); empty without answers nobody labelled, or with fewer than two labelled ones
 */
@API(status = INTERNAL, since = "0.2")
public record JudgeAgreement(
        String criterion,
        int n,
        int stale,
        Metrics agreement,
        Metrics calibration,
        OptionalDouble kappa,
        Optional<KappaTable> table,
        Optional<CorrectedRate> metRate) {

    /** The case file column holding the answer the human verdicts were given on. */
    public static final String LABELLED_ANSWER = "labelled-answer";

    private static final Set<String> MET = Set.of("true", "yes", "1", "met", "pass", "passed");
    private static final Set<String> UNMET = Set.of("false", "no", "0", "unmet", "fail", "failed");

    public JudgeAgreement {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(kappa, "kappa");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(metRate, "metRate");
    }

    /** An agreement without its table and met rate (e.g. read from a report). */
    public JudgeAgreement(
            String criterion, int n, int stale, Metrics agreement, Metrics calibration, OptionalDouble kappa) {
        this(criterion, n, stale, agreement, calibration, kappa, Optional.empty(), Optional.empty());
    }

    /** Kappa's large-sample standard error; empty when kappa is undefined or the table is not known. */
    public OptionalDouble kappaStandardError() {
        return table.map(KappaTable::standardError).orElse(OptionalDouble.empty());
    }

    /** Kappa's one-sided lower confidence bound at {@code alpha} ({@link KappaTable#lowerBound}). */
    public OptionalDouble kappaLowerBound(double alpha) {
        return table.map(t -> t.lowerBound(alpha)).orElse(OptionalDouble.empty());
    }

    /**
     * The agreement in one line, as the console and the threshold failures print it: {@code n 20, agreement 0.950
     * [0.764, 0.991], kappa 0.870, judge Brier 0.050, ECE 0.040}.
     */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "n %d%s, agreement %s%s, kappa %s, judge Brier %s, ECE %s",
                n,
                stale == 0
                        ? ""
                        : " (" + stale + " stale verdict" + (stale == 1 ? "" : "s")
                                + " left out: the answer changed since it was labelled)",
                decimal(agreement.accuracy()),
                agreement
                        .accuracyCi()
                        .map(ci -> String.format(Locale.ROOT, " [%.3f, %.3f]", ci.lower(), ci.upper()))
                        .orElse(""),
                kappa.isPresent()
                        ? String.format(Locale.ROOT, "%.3f", kappa.getAsDouble())
                                + (kappaLowerBound(0.05).isPresent()
                                        ? String.format(
                                                Locale.ROOT,
                                                " (95%% lower bound %.3f)",
                                                kappaLowerBound(0.05).getAsDouble())
                                        : "")
                        : "undefined",
                decimal(calibration.brier()),
                decimal(calibration.ece()));
    }

    /** A confidence level as a percentage without trailing zeros, e.g. {@code 99.75}. */
    static String percent(double level) {
        return String.format(Locale.ROOT, "%.4f", 100 * level)
                .replaceAll("0+$", "")
                .replaceAll("\\.$", "");
    }

    private static String decimal(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : "n/a";
    }

    /**
     * What {@code @Thresholds(minKappa)} finds wrong with a class's agreements, one line per criterion: a kappa below
     * the minimum or undefined, only stale verdicts, or no human verdict at all. The engine's thresholds test and
     * {@code rpt:check} both say it so.
     */
    public static List<String> kappaViolations(List<JudgeAgreement> agreements, double minKappa) {
        return kappaViolations(agreements, minKappa, OptionalDouble.empty());
    }

    /**
     * As {@link #kappaViolations(List, double)}; with {@code boundAlpha} (confidence-bound mode) kappa's one-sided
     * lower bound at that level must reach the minimum, not kappa itself.
     */
    public static List<String> kappaViolations(
            List<JudgeAgreement> agreements, double minKappa, OptionalDouble boundAlpha) {
        return kappaChecks(agreements, minKappa, boundAlpha).stream()
                .filter(check -> !check.passed())
                .map(BoundCheck::detail)
                .toList();
    }

    /**
     * {@code @Thresholds(minKappa)} as bounds, one per criterion with its measured kappa and verdict, for a report
     * that lists every threshold; a failed one's detail is the line {@link #kappaViolations} gives. With no human
     * verdict at all it is one failed bound.
     */
    public static List<BoundCheck> kappaChecks(List<JudgeAgreement> agreements, double minKappa) {
        return kappaChecks(agreements, minKappa, OptionalDouble.empty());
    }

    /**
     * As {@link #kappaChecks(List, double)}; with {@code boundAlpha} (confidence-bound mode) a criterion holds only when
     * kappa's one-sided lower bound at that level reaches the minimum ({@link #kappaLowerBound}).
     */
    public static List<BoundCheck> kappaChecks(
            List<JudgeAgreement> agreements, double minKappa, OptionalDouble boundAlpha) {
        String limit =
                String.format(Locale.ROOT, "≥ %.3f", minKappa) + (boundAlpha.isPresent() ? " (lower bound)" : "");
        if (agreements.isEmpty()) {
            return List.of(new BoundCheck(
                    "judge kappa",
                    limit,
                    "no human verdicts",
                    false,
                    "judge agreement: @Thresholds(minKappa = " + minKappa + ") needs human verdicts, and no"
                            + " judged case has one. Add a column named after a criterion's id (true/false) to the"
                            + " case file."));
        }
        List<BoundCheck> checks = new ArrayList<>();
        for (JudgeAgreement agreement : agreements) {
            checks.add(kappaCheck(agreement, minKappa, boundAlpha, limit));
        }
        return checks;
    }

    /** One criterion's {@code minKappa} check; see {@link #kappaChecks(List, double, OptionalDouble)}. */
    private static BoundCheck kappaCheck(
            JudgeAgreement agreement, double minKappa, OptionalDouble boundAlpha, String limit) {
        String metric = "judge kappa on '" + agreement.criterion() + "'";
        if (agreement.n() == 0) {
            return new BoundCheck(
                    metric,
                    limit,
                    "not measurable: " + agreement.stale() + " stale verdicts",
                    false,
                    "judge agreement on '" + agreement.criterion() + "': all " + agreement.stale()
                            + " human verdicts are stale (their case's " + LABELLED_ANSWER + " is not the answer"
                            + " judged now), so @Thresholds(minKappa = " + minKappa + ") cannot be checked."
                            + " Label the new answers: put each in " + LABELLED_ANSWER + " and give your verdict"
                            + " on it.");
        }
        String kappa = agreement.kappa().isPresent()
                ? String.format(Locale.ROOT, "%.3f", agreement.kappa().getAsDouble())
                : "undefined";
        OptionalDouble lower =
                boundAlpha.isPresent() ? agreement.kappaLowerBound(boundAlpha.getAsDouble()) : agreement.kappa();
        boolean holds = lower.isPresent() && lower.getAsDouble() >= minKappa;
        String measured = kappa
                + (boundAlpha.isPresent() && lower.isPresent()
                        ? String.format(Locale.ROOT, ", lower bound %.3f", lower.getAsDouble())
                        : "")
                + " (n " + agreement.n() + ")";
        String why = boundAlpha.isPresent() && agreement.kappa().isPresent()
                ? String.format(
                        Locale.ROOT,
                        "kappa %s has a one-sided %s%% lower bound of %s < %s (confidence-bound mode; standard error"
                                + " %s)",
                        kappa,
                        percent(1 - boundAlpha.getAsDouble()),
                        lower.isPresent() ? String.format(Locale.ROOT, "%.3f", lower.getAsDouble()) : "undefined",
                        minKappa,
                        agreement.kappaStandardError().isPresent()
                                ? String.format(
                                        Locale.ROOT,
                                        "%.3f",
                                        agreement.kappaStandardError().getAsDouble())
                                : "undefined")
                : "kappa " + kappa + " < " + minKappa;
        return new BoundCheck(
                metric,
                limit,
                measured,
                holds,
                holds
                        ? "holds"
                        : "judge agreement on '" + agreement.criterion() + "': " + why + " (" + agreement.describe()
                                + ")");
    }

    /**
     * A human verdict as a case file writes it: empty when the cell is blank.
     *
     * @throws IllegalArgumentException naming the accepted values when the cell holds something else
     */
    public static Optional<Boolean> humanVerdict(String cell) {
        if (cell == null || cell.isBlank()) {
            return Optional.empty();
        }
        String value = cell.strip().toLowerCase(Locale.ROOT);
        if (MET.contains(value)) {
            return Optional.of(true);
        }
        if (UNMET.contains(value)) {
            return Optional.of(false);
        }
        throw new IllegalArgumentException("'" + cell + "' is not a human verdict: write true or false (also yes/no,"
                + " 1/0, met/unmet), or leave the cell blank");
    }

    /**
     * The person's verdict on one criterion for this answer: empty when the cell is blank, is not a verdict (discovery
     * reports those), or is {@linkplain #stale stale}.
     *
     * @param vars the case's variables, where the human verdicts are
     * @param criterion the criterion's id
     * @param answer the judged answer
     */
    public static Optional<Boolean> humanVerdict(Map<String, String> vars, String criterion, String answer) {
        return humanVerdict(vars, Map.of(), criterion, answer);
    }

    /**
     * The person's verdict on one criterion for this answer: from the labels file when it names this answer (such a
     * verdict is never stale: it names the answer it grades), else from the case file's column as above.
     *
     * @param labels the labels file's verdicts on this answer, by criterion (see {@link HumanLabels})
     */
    public static Optional<Boolean> humanVerdict(
            Map<String, String> vars, Map<String, Boolean> labels, String criterion, String answer) {
        Boolean labelled = labels.get(criterion);
        if (labelled != null) {
            return Optional.of(labelled);
        }
        if (stale(vars, answer)) {
            return Optional.empty();
        }
        try {
            return humanVerdict(vars.get(criterion));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the case's human verdicts were given on another answer than this one: its {@value #LABELLED_ANSWER}
     * cell is not blank and differs from the answer, whitespace aside.
     */
    public static boolean stale(Map<String, String> vars, String answer) {
        String labelled = vars.get(LABELLED_ANSWER);
        return labelled != null && !labelled.isBlank() && !normalized(labelled).equals(normalized(answer));
    }

    private static String normalized(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    /**
     * Collects the judged answers with a human verdict, criterion by criterion, in the order the criteria first
     * appear. Cells that are not verdicts are skipped here; discovery reports them.
     */
    public static final class Tally {

        private final Map<String, List<Pair>> pairs = new LinkedHashMap<>();
        private final Map<String, Integer> stale = new LinkedHashMap<>();
        // The judge's verdicts on answers without a current human verdict: what prediction-powered inference corrects.
        private final Map<String, int[]> unlabelled = new LinkedHashMap<>();
        // Every criterion judged, in the order first seen, with the judge's "met" verdicts and its judged answers.
        private final Map<String, int[]> judged = new LinkedHashMap<>();

        /**
         * Adds a judged answer's verdicts that a person also gave.
         *
         * @param judgements the judge's verdicts on the answer
         * @param vars the case's variables, where the human verdicts are
         * @param answer the judged answer, to tell a current verdict from a stale one
         */
        public void add(List<Judgement> judgements, Map<String, String> vars, String answer) {
            add(judgements, vars, answer, Map.of());
        }

        /**
         * Adds a judged answer's verdicts that a person also gave, in the labels file or in the case file.
         *
         * @param labels the labels file's verdicts on this very answer, by criterion; they come first
         */
        public void add(
                List<Judgement> judgements, Map<String, String> vars, String answer, Map<String, Boolean> labels) {
            boolean staleCase = stale(vars, answer);
            for (Judgement judgement : judgements) {
                int[] all = judged.computeIfAbsent(judgement.criterion(), id -> new int[2]);
                all[0] += judgement.met() ? 1 : 0;
                all[1]++;
                Boolean labelled = labels.get(judgement.criterion());
                if (labelled != null) {
                    pairs.computeIfAbsent(judgement.criterion(), id -> new ArrayList<>())
                            .add(new Pair(judgement, labelled));
                    continue;
                }
                Optional<Boolean> human;
                try {
                    human = humanVerdict(vars.get(judgement.criterion()));
                } catch (IllegalArgumentException e) {
                    human = Optional.empty();
                }
                if (human.isEmpty() || staleCase) {
                    int[] counts = unlabelled.computeIfAbsent(judgement.criterion(), id -> new int[2]);
                    counts[0] += judgement.met() ? 1 : 0;
                    counts[1]++;
                }
                if (human.isEmpty()) {
                    continue;
                }
                pairs.computeIfAbsent(judgement.criterion(), id -> new ArrayList<>());
                if (staleCase) {
                    stale.merge(judgement.criterion(), 1, Integer::sum);
                } else {
                    pairs.get(judgement.criterion()).add(new Pair(judgement, human.get()));
                }
            }
        }

        /** The agreement on each criterion that has a human verdict, current or stale. */
        public List<JudgeAgreement> results(MetricsOptions options) {
            List<JudgeAgreement> results = new ArrayList<>();
            pairs.forEach((criterion, list) -> results.add(of(
                    criterion,
                    list,
                    stale.getOrDefault(criterion, 0),
                    unlabelled.getOrDefault(criterion, new int[2]),
                    options)));
            return results;
        }

        /** How often each judged criterion is met, labelled or not, in the order the criteria first appear. */
        public List<MetRate> metRates() {
            List<MetRate> rates = new ArrayList<>();
            judged.forEach((criterion, counts) -> rates.add(new MetRate(
                    criterion,
                    counts[0],
                    counts[1],
                    corrected(
                            unlabelled.getOrDefault(criterion, new int[2]),
                            pairs.getOrDefault(criterion, List.of())))));
            return rates;
        }
    }

    private record Pair(Judgement judge, boolean human) {}

    private static JudgeAgreement of(
            String criterion, List<Pair> pairs, int stale, int[] unlabelled, MetricsOptions options) {
        List<CaseOutcome> agreed = new ArrayList<>();
        List<CaseOutcome> calibration = new ArrayList<>();
        int both = 0;
        int judgeOnly = 0;
        int humanOnly = 0;
        int neither = 0;
        for (Pair pair : pairs) {
            boolean judge = pair.judge().met();
            agreed.add(new CaseOutcome(
                    judge == pair.human() ? Verdict.PASSED : Verdict.FAILED, OptionalDouble.empty(), false));
            calibration.add(new CaseOutcome(
                    pair.human() ? Verdict.PASSED : Verdict.FAILED,
                    OptionalDouble.of(pair.judge().probability()),
                    false));
            if (judge && pair.human()) {
                both++;
            } else if (judge) {
                judgeOnly++;
            } else if (pair.human()) {
                humanOnly++;
            } else {
                neither++;
            }
        }
        return new JudgeAgreement(
                criterion,
                pairs.size(),
                stale,
                Metrics.of(agreed, options),
                Metrics.of(calibration, options),
                kappa(both, judgeOnly, humanOnly, neither),
                Optional.of(new KappaTable(both, judgeOnly, humanOnly, neither)),
                corrected(unlabelled, pairs));
    }

    private static Optional<CorrectedRate> corrected(int[] unlabelled, List<Pair> pairs) {
        return CorrectedRate.of(
                unlabelled[0],
                unlabelled[1],
                pairs.stream()
                        .map(pair -> new boolean[] {pair.judge().met(), pair.human()})
                        .toList());
    }

    /**
     * Cohen's kappa of a 2×2 table: (observed − chance agreement) / (1 − chance agreement).
     *
     * @return empty for no pair, or when chance agreement is 1 (both always say the same one thing)
     */
    public static OptionalDouble kappa(int both, int judgeOnly, int humanOnly, int neither) {
        double n = both + judgeOnly + humanOnly + neither;
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double observed = (both + neither) / n;
        double chance = ((both + judgeOnly) / n) * ((both + humanOnly) / n)
                + ((humanOnly + neither) / n) * ((judgeOnly + neither) / n);
        return chance >= 1 ? OptionalDouble.empty() : OptionalDouble.of((observed - chance) / (1 - chance));
    }
}
