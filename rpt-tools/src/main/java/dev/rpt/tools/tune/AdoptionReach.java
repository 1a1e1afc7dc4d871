package dev.rpt.tools.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a prompt's held-out cases can confirm, said before any call: how many of them confirm (the others select), and
 * the smallest gain the confirmation cases can adopt at all. Under McNemar's exact test with no case lost, k cases
 * gained give a one-sided p of {@code 0.5^k}, so at least {@code ⌈log2(1/alpha)⌉} cases must be gained (5 at alpha
 * 0.05), a gain of {@code 5 / n} on n confirmation cases, and more when some are lost; the minimum gain is a floor
 * too. A tune whose confirmation cases cannot show the gains a prompt edit makes keeps the seed however good the
 * candidate, so this is a warning before money is spent.
 *
 * @param prompt the prompt resource
 * @param heldOut its held-out cases
 * @param confirmation those that confirm
 * @param smallestGain the smallest gain they can adopt; 1 or more when they cannot adopt any
 */
record AdoptionReach(String prompt, int heldOut, int confirmation, double smallestGain) {

    /** Above this smallest adoptable gain, the estimate warns: few prompt edits gain 20 points. */
    static final double WARN_ABOVE = 0.20;

    static AdoptionReach of(String prompt, List<String> heldOutKeys, AdoptionPolicy policy) {
        ConfirmationSplit split = new ConfirmationSplit(policy.confirmFraction());
        int confirming = (int) heldOutKeys.stream().filter(split::confirms).count();
        int needed = (int) Math.ceil(Math.log(1 / policy.alpha()) / Math.log(2));
        double smallest =
                confirming == 0 ? Double.POSITIVE_INFINITY : Math.max(policy.minGain(), (double) needed / confirming);
        return new AdoptionReach(prompt, heldOutKeys.size(), confirming, smallest);
    }

    /** Whether the confirmation cases are too few to adopt the gains prompt edits usually make. */
    boolean tooSmall() {
        return smallestGain > WARN_ABOVE;
    }

    /** The line the estimate prints, and the warning with its fixes when the split is too small. */
    List<String> lines(AdoptionPolicy policy) {
        List<String> lines = new ArrayList<>();
        if (confirmation == 0) {
            lines.add("Adoption for " + prompt + ": " + heldOut + " held-out cases, none of them confirming, so no"
                    + " candidate can be adopted (" + fixes() + ").");
            return lines;
        }
        int needed = (int) Math.round(smallestGain * confirmation);
        if (needed > confirmation) {
            lines.add(String.format(
                    Locale.ROOT,
                    "Adoption for %s: %d held-out cases, %d of them confirm: too few to adopt any candidate, since even"
                            + " all %d gained give McNemar's exact p = %s > %s (%s).",
                    prompt,
                    heldOut,
                    confirmation,
                    confirmation,
                    Math.pow(0.5, confirmation),
                    policy.alpha(),
                    fixes()));
            return lines;
        }
        String line = String.format(
                Locale.ROOT,
                "Adoption for %s: %d held-out cases, %d of them confirm; the smallest gain they can adopt is %+.3f (at"
                        + " least %d of %d cases gained and none lost, for McNemar's exact p ≤ %s), more when some are"
                        + " lost.",
                prompt,
                heldOut,
                confirmation,
                smallestGain,
                needed,
                confirmation,
                policy.alpha());
        if (tooSmall()) {
            lines.add(line + " That is more than most prompt edits gain: " + fixes() + ".");
        } else {
            lines.add(line);
        }
        return lines;
    }

    private static String fixes() {
        return "add held-out cases (@Cases(split = Split.HOLDOUT), a split column), raise rpt.holdout.fraction or"
                + " rpt.tune.confirm-fraction, or accept the risk with rpt.tune.adopt=always";
    }
}
