package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import org.apiguardian.api.API;

/** Cuts provider text down to a short, single-line excerpt that is safe to put into an error message. */
@API(status = INTERNAL, since = "0.1")
public final class Excerpt {

    private static final int DEFAULT_LENGTH = 200;
    private static final String NONE = "<none>";

    /** About the length of {@link #startAndEnd}'s note on what it left out. */
    private static final int NOTE_LENGTH = 40;

    private Excerpt() {}

    /** The first 200 characters of {@code text}, on one line, with an ellipsis when cut. */
    public static String of(String text) {
        return of(text, DEFAULT_LENGTH);
    }

    /** The first {@code maxLength} characters of {@code text}, on one line, with an ellipsis when cut. */
    public static String of(String text, int maxLength) {
        if (text == null) {
            return NONE;
        }
        String oneLine = oneLine(text);
        return oneLine.length() <= maxLength ? oneLine : oneLine.substring(0, maxLength) + "…";
    }

    /**
     * {@code text} on one line, cut in the middle when longer than {@code maxLength}: its first fifth and the rest from
     * its end, joined by an ellipsis. For model replies, whose answer is usually at the end (a chain of thought ends
     * in "So the answer is (E).").
     */
    public static String headAndTail(String text, int maxLength) {
        if (text == null) {
            return NONE;
        }
        String oneLine = oneLine(text);
        if (oneLine.length() <= maxLength) {
            return oneLine;
        }
        int head = maxLength / 5;
        Cut cut = Cut.of(oneLine, head, oneLine.length() - (maxLength - head));
        return cut.head() + " … " + cut.tail();
    }

    /**
     * {@code text} on one line, its first {@code head} and last {@code tail} characters kept when it is longer, with
     * how much was left out between them: {@code start … (1,234 characters left out) … end}. For a line that quotes
     * an answer after saying what was expected: the start says what the line is about, and the end holds the part of
     * the answer that was judged or extracted.
     */
    public static String startAndEnd(String text, int head, int tail) {
        if (text == null) {
            return NONE;
        }
        String oneLine = oneLine(text);
        // Leaving out fewer characters than the note takes would only make the line longer.
        if (oneLine.length() <= head + tail + NOTE_LENGTH) {
            return oneLine;
        }
        Cut cut = Cut.of(oneLine, head, oneLine.length() - tail);
        return cut.head() + " … (" + String.format(Locale.ROOT, "%,d", cut.leftOut()) + " characters left out) … "
                + cut.tail();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * A text cut into its start and its end.
     *
     * @param leftOut how many characters lie between them
     */
    private record Cut(String head, String tail, int leftOut) {

        static Cut of(String oneLine, int head, int tailStart) {
            // Cut between words where one is near, so that neither part starts or ends with half a word.
            int headSpace = oneLine.lastIndexOf(' ', head);
            if (headSpace > head - 20 && headSpace > 0) {
                head = headSpace;
            }
            int tailSpace = oneLine.indexOf(' ', tailStart - 1);
            if (tailSpace >= 0 && tailSpace < tailStart + 20) {
                tailStart = tailSpace + 1;
            }
            return new Cut(
                    oneLine.substring(0, head).stripTrailing(),
                    oneLine.substring(tailStart).stripLeading(),
                    tailStart - head);
        }
    }
}
