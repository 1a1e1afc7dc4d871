package dev.rpt.sim;

import dev.rpt.core.model.TokenLogprob;
import dev.rpt.core.model.TokenLogprob.Alternative;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Synthetic token log-probabilities: the reply is split into word-like tokens; the answer's tokens share ln(confidence)
 * equally, every other token has log-probability 0, so the probability of the whole reply (the exponential of the
 * sum) is the stated confidence. Alternatives are made-up tokens with the remaining probability mass.
 */
final class SimLogprobs {

    /** Tokens that stand in for alternatives of non-numeric tokens. */
    private static final List<String> FILLERS = List.of(" the", " a", ".", ",", " and", " is", " I", ":");

    private SimLogprobs() {}

    static List<TokenLogprob> of(Rendered rendered, double confidence, int topLogprobs) {
        List<String> tokens = tokens(rendered.text());
        List<Boolean> inAnswer = new ArrayList<>();
        int answerTokens = 0;
        int position = 0;
        for (String token : tokens) {
            boolean overlaps = position < rendered.answerEnd() && position + token.length() > rendered.answerStart();
            inAnswer.add(overlaps);
            answerTokens += overlaps ? 1 : 0;
            position += token.length();
        }
        double perToken = answerTokens == 0 ? 0 : Math.log(confidence) / answerTokens;
        List<TokenLogprob> logprobs = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            double logprob = inAnswer.get(i) ? perToken : 0.0;
            logprobs.add(new TokenLogprob(tokens.get(i), logprob, alternatives(tokens.get(i), logprob, topLogprobs)));
        }
        return logprobs;
    }

    /**
     * Splits text into tokens whose concatenation is the text: an optional leading space with a run of letters, a run
     * of at most three digits, or any other single character.
     */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            char c = text.charAt(i);
            if (c == ' ' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
                i++;
                c = text.charAt(i);
            }
            if (Character.isLetter(c)) {
                while (i < text.length() && Character.isLetter(text.charAt(i))) {
                    i++;
                }
            } else if (Character.isDigit(c)) {
                int limit = Math.min(text.length(), i + 3);
                while (i < limit && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            } else {
                i++;
            }
            tokens.add(text.substring(start, i));
        }
        return tokens;
    }

    private static List<Alternative> alternatives(String token, double logprob, int count) {
        if (count == 0) {
            return List.of();
        }
        List<Alternative> alternatives = new ArrayList<>(count);
        alternatives.add(new Alternative(token, logprob));
        // The rest of the mass, halved for each further alternative; a floor keeps logs finite for certain tokens.
        double rest = Math.max(1 - Math.exp(logprob), 1e-9);
        List<String> variants = variants(token, count - 1);
        for (int i = 0; i < variants.size(); i++) {
            alternatives.add(new Alternative(variants.get(i), Math.log(rest / Math.pow(2, i + 1))));
        }
        alternatives.sort(Comparator.comparingDouble(Alternative::logprob).reversed());
        return alternatives;
    }

    private static List<String> variants(String token, int count) {
        List<String> variants = new ArrayList<>(count);
        boolean digits = !token.isEmpty() && token.chars().allMatch(Character::isDigit);
        for (int i = 1; variants.size() < count && i <= 9 + FILLERS.size(); i++) {
            String variant = digits
                    ? token.substring(0, token.length() - 1)
                            + (char) ('0' + (token.charAt(token.length() - 1) - '0' + i) % 10)
                    : FILLERS.get((i - 1) % FILLERS.size());
            if (!variant.equals(token) && !variants.contains(variant)) {
                variants.add(variant);
            }
        }
        return variants;
    }
}
