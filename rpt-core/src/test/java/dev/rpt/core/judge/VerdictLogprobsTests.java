package dev.rpt.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rpt.core.model.TokenLogprob;
import dev.rpt.core.model.TokenLogprob.Alternative;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The probability of "met" from the verdict token's alternatives, however the tokenizer split the reply. */
class VerdictLogprobsTests {

    @Test
    void weighsTrueAgainstFalseAtTheVerdictToken() {
        List<TokenLogprob> tokens = tokens(
                "{\"",
                "met",
                "\":",
                verdict("false", List.of(alt("false", 0.6), alt("true", 0.3), alt(" false", 0.06), alt("no", 0.04))),
                ",\"reason\":\"No apology.\"}");

        // false 0.66, true 0.3: "no" is neither and is left out.
        assertThat(VerdictLogprobs.probabilityMet(tokens).getAsDouble()).isCloseTo(0.3 / 0.96, within(1e-9));
    }

    @Test
    void aTokenThatBeginsBeforeTheVerdictComparesOnlyAlternativesWithTheSameBeginning() {
        List<TokenLogprob> tokens = tokens(
                "{\"met",
                verdict("\":true", List.of(alt("\":true", 0.8), alt("\":false", 0.1), alt("\": true", 0.05))),
                ",\"reason\":\"Says sorry.\"}");

        assertThat(VerdictLogprobs.probabilityMet(tokens).getAsDouble()).isCloseTo(0.85 / 0.95, within(1e-9));
    }

    @Test
    void withoutAlternativesTheChosenTokenIsCertain() {
        List<TokenLogprob> tokens =
                tokens("{\"met\": ", new TokenLogprob("true", Math.log(0.9), List.of()), ", \"reason\": \"ok\"}");

        assertThat(VerdictLogprobs.probabilityMet(tokens)).hasValue(1.0);
    }

    @Test
    void noVerdictNoProbability() {
        assertThat(VerdictLogprobs.probabilityMet(tokens("{\"reason\":\"", "none", "\"}")))
                .isEmpty();
        assertThat(VerdictLogprobs.probabilityMet(List.of())).isEmpty();
    }

    private static Alternative alt(String token, double probability) {
        return new Alternative(token, Math.log(probability));
    }

    private static TokenLogprob verdict(String token, List<Alternative> alternatives) {
        return new TokenLogprob(token, alternatives.get(0).logprob(), alternatives);
    }

    /** Plain strings become certain tokens; a {@link TokenLogprob} is taken as it is. */
    private static List<TokenLogprob> tokens(Object... parts) {
        List<TokenLogprob> tokens = new ArrayList<>();
        for (Object part : parts) {
            tokens.add(part instanceof TokenLogprob t ? t : new TokenLogprob((String) part, 0.0, List.of()));
        }
        return tokens;
    }
}
