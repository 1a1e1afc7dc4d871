package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.tools.gate.RegressionOptions;
import java.util.List;
import org.apiguardian.api.API;

/**
 * When a tune's best candidate replaces the seed. The held-out cases are split in two: the <em>selection</em> cases
 * rank the candidates, and the <em>confirmation</em> cases, which played no part in choosing the winner, decide whether
 * it is adopted and give its accuracy: unbiased over every tune, inflated over the tunes that adopt (only a gain that
 * came out significant is adopted). See docs/tuning.md, "Adopting a candidate".
 *
 * @param confirmFraction the share of held-out cases kept for confirmation ({@code rpt.tune.confirm-fraction})
 * @param minGain the accuracy gain the candidate must exceed ({@code rpt.tune.min-gain})
 * @param alpha the one-sided significance level of the paired test ({@code rpt.tune.alpha})
 * @param always adopt whenever the candidate beat the seed on the selection cases ({@code rpt.tune.adopt=always})
 */
@API(status = INTERNAL, since = "0.2")
public record AdoptionPolicy(double confirmFraction, double minGain, double alpha, boolean always) {

    /** Half the held-out cases confirm; a gain beyond 0.02 at alpha 0.05; only significant gains are adopted. */
    public static final AdoptionPolicy DEFAULTS = new AdoptionPolicy(0.5, 0.02, 0.05, false);

    /** The salt of the confirmation split, apart from the holdout split's so the two draws are independent. */
    static final String SALT = "rpt-confirm";

    public AdoptionPolicy {
        if (!(confirmFraction > 0 && confirmFraction < 1)) {
            throw new IllegalArgumentException("the confirmation fraction must be strictly between 0 and 1");
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be strictly between 0 and 0.5");
        }
        if (!(minGain >= 0 && minGain < 1)) {
            throw new IllegalArgumentException("the minimum gain must be in [0, 1)");
        }
    }

    /** The policy of {@code rpt.tune.confirm-fraction}, {@code rpt.tune.min-gain}, {@code rpt.tune.alpha} and {@code rpt.tune.adopt}. */
    public static AdoptionPolicy from(RptConfig config) {
        double fraction =
                config.number(RptConstants.TUNE_CONFIRM_FRACTION, 0.01, 0.99).orElse(DEFAULTS.confirmFraction());
        double alpha = config.number(RptConstants.TUNE_ALPHA, 0.001, 0.49).orElse(DEFAULTS.alpha());
        double minGain = config.number(RptConstants.TUNE_MIN_GAIN, 0, 0.99).orElse(DEFAULTS.minGain());
        boolean always = config.choice(RptConstants.TUNE_ADOPT, List.of("significant", "always"))
                .map("always"::equals)
                .orElse(DEFAULTS.always());
        return new AdoptionPolicy(fraction, minGain, alpha, always);
    }

    /** The gate's bootstrap settings (2,000 resamples, a fixed seed), so a decision is reproducible. */
    RegressionOptions statistics() {
        return RegressionOptions.DEFAULTS;
    }
}
