package dev.rpt.core.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** Text normalisation and number extraction for comparing answers, shared by assertions and the simulator. */
@API(status = INTERNAL, since = "0.1")
public final class AnswerText {

    private static final Pattern ARTICLES = Pattern.compile("\\b(a|an|the)\\b");
    private static final Pattern PUNCTUATION = Pattern.compile("\\p{Punct}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern NUMBER = Pattern.compile("-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");

    private AnswerText() {}

    /**
     * The SQuAD-style normal form: lower case, punctuation and the articles a, an, the removed, whitespace collapsed.
     */
    public static String normalize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String noPunctuation = PUNCTUATION.matcher(lower).replaceAll(" ");
        String noArticles = ARTICLES.matcher(noPunctuation).replaceAll(" ");
        return WHITESPACE.matcher(noArticles).replaceAll(" ").strip();
    }

    /**
     * Every distinct number in the text, in order of appearance. Thousands separators are accepted ({@code 1,200});
     * currency signs and units around a number are ignored.
     */
    public static List<BigDecimal> numbers(String text) {
        List<BigDecimal> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(text);
        while (matcher.find()) {
            BigDecimal value = new BigDecimal(matcher.group().replace(",", ""));
            if (numbers.stream().noneMatch(seen -> seen.compareTo(value) == 0)) {
                numbers.add(value);
            }
        }
        return numbers;
    }
}
