package dev.rpt.tools.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the estimate says, before any call, about the gains a prompt's held-out cases can confirm. */
class AdoptionReachTests {

    private static final AdoptionPolicy POLICY = AdoptionPolicy.DEFAULTS;

    @Test
    void thirteenConfirmationCasesCannotAdoptAGainBelowFiveOfThirteenAndTheEstimateWarns() {
        // McNemar's exact test with no case lost: 5 gained give p = 1/32 ≤ 0.05, 4 give 1/16. So 5 / 13 = 0.385.
        List<String> heldOut = keys(13, 9);

        AdoptionReach reach = AdoptionReach.of("prompts/math.prompt", heldOut, POLICY);

        assertThat(reach.heldOut()).isEqualTo(22);
        assertThat(reach.confirmation()).isEqualTo(13);
        assertThat(reach.smallestGain()).isCloseTo(5.0 / 13, within(1e-12));
        assertThat(reach.tooSmall()).isTrue();
        assertThat(reach.lines(POLICY))
                .singleElement()
                .asString()
                .startsWith("Adoption for prompts/math.prompt: 22 held-out cases, 13 of them confirm; the smallest gain"
                        + " they can adopt is +0.385 (at least 5 of 13 cases gained and none lost, for McNemar's exact"
                        + " p ≤ 0.05)")
                .contains("That is more than most prompt edits gain: add held-out cases");
    }

    @Test
    void enoughConfirmationCasesAreStatedWithoutAWarningAndTheMinimumGainIsAFloor() {
        AdoptionReach reach = AdoptionReach.of("prompts/math.prompt", keys(100, 100), POLICY);
        AdoptionReach many = AdoptionReach.of("prompts/math.prompt", keys(400, 0), POLICY);

        assertThat(reach.smallestGain()).isCloseTo(0.05, within(1e-12));
        assertThat(reach.tooSmall()).isFalse();
        assertThat(many.smallestGain()).as("5 / 400 is below rpt.tune.min-gain").isEqualTo(0.02);
    }

    @Test
    void fewerConfirmationCasesThanAnExactTestNeedsCanAdoptNothing() {
        AdoptionReach three = AdoptionReach.of("prompts/math.prompt", keys(3, 4), POLICY);

        assertThat(three.tooSmall()).isTrue();
        assertThat(three.lines(POLICY))
                .singleElement()
                .asString()
                .startsWith(
                        "Adoption for prompts/math.prompt: 7 held-out cases, 3 of them confirm: too few to adopt any"
                                + " candidate, since even all 3 gained give McNemar's exact p = 0.125 > 0.05 (add held-out");
    }

    @Test
    void noConfirmationCaseCanAdoptNothing() {
        AdoptionReach none = AdoptionReach.of("prompts/math.prompt", List.of(), POLICY);

        assertThat(none.tooSmall()).isTrue();
        assertThat(none.lines(POLICY))
                .singleElement()
                .asString()
                .isEqualTo("Adoption for prompts/math.prompt: 0 held-out cases, none of them confirming, so no"
                        + " candidate can be adopted (add held-out cases (@Cases(split = Split.HOLDOUT), a split"
                        + " column), raise rpt.holdout.fraction or rpt.tune.confirm-fraction, or accept the risk with"
                        + " rpt.tune.adopt=always).");
    }

    /** Held-out case keys of which exactly {@code confirming} confirm and {@code selecting} select. */
    private static List<String> keys(int confirming, int selecting) {
        ConfirmationSplit split = new ConfirmationSplit(POLICY.confirmFraction());
        List<String> keys = new ArrayList<>();
        int confirmed = 0;
        int selected = 0;
        for (int i = 0; confirmed < confirming || selected < selecting; i++) {
            String key = "com.example.MathTests#solves#q" + i;
            if (split.confirms(key) && confirmed < confirming) {
                keys.add(key);
                confirmed++;
            } else if (!split.confirms(key) && selected < selecting) {
                keys.add(key);
                selected++;
            }
        }
        return keys;
    }
}
