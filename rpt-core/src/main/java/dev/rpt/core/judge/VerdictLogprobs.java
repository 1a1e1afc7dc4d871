package dev.rpt.core.judge;

import dev.rpt.core.model.TokenLogprob;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The judge's probability that a criterion is met, read from the log-probabilities of the token that spells its
 * verdict ({@code true} or {@code false} after {@code "met":}) rather than from the number it states. At that position
 * the model weighed both; the mass on the alternatives that begin with {@code t} against those that begin with {@code
 * f} is its probability of "met", renormalised over the two (a top-k list leaves out the rest of the vocabulary).
 */
final class VerdictLogprobs {

    private static final Pattern MET = Pattern.compile("\"met\"\\s*:\\s*(true|false)");

    private VerdictLogprobs() {}

    /**
     * The probability of "met"; empty when the tokens do not spell a verdict or no alternative there is one.
     *
     * @param tokens the reply's tokens with their alternatives
     */
    static OptionalDouble probabilityMet(List<TokenLogprob> tokens) {
        StringBuilder text = new StringBuilder();
        int[] starts = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = text.length();
            text.append(tokens.get(i).token());
        }
        Matcher verdict = MET.matcher(text);
        if (!verdict.find()) {
            return OptionalDouble.empty();
        }
        int at = verdict.start(1);
        for (int i = 0; i < tokens.size(); i++) {
            TokenLogprob token = tokens.get(i);
            if (starts[i] <= at && at < starts[i] + token.token().length()) {
                // The token may begin before the verdict (e.g. `":true`): alternatives must share that beginning.
                return weigh(text.substring(starts[i], at), token);
            }
        }
        return OptionalDouble.empty();
    }

    private static OptionalDouble weigh(String prefix, TokenLogprob token) {
        List<TokenLogprob.Alternative> alternatives = token.topLogprobs().isEmpty()
                ? List.of(new TokenLogprob.Alternative(token.token(), token.logprob()))
                : token.topLogprobs();
        double met = 0;
        double unmet = 0;
        for (TokenLogprob.Alternative alternative : alternatives) {
            if (!alternative.token().startsWith(prefix)) {
                continue;
            }
            String rest = alternative
                    .token()
                    .substring(prefix.length())
                    .stripLeading()
                    .toLowerCase(Locale.ROOT);
            if (rest.startsWith("t")) {
                met += Math.exp(alternative.logprob());
            } else if (rest.startsWith("f")) {
                unmet += Math.exp(alternative.logprob());
            }
        }
        return met + unmet > 0 ? OptionalDouble.of(met / (met + unmet)) : OptionalDouble.empty();
    }
}
