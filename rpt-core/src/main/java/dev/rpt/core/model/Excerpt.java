package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/** Cuts provider text down to a short, single-line excerpt that is safe to put into an error message. */
@API(status = INTERNAL, since = "0.1")
public final class Excerpt {

    private static final int DEFAULT_LENGTH = 200;

    private Excerpt() {}

    /** The first 200 characters of {@code text}, on one line, with an ellipsis when cut. */
    public static String of(String text) {
        return of(text, DEFAULT_LENGTH);
    }

    /** The first {@code maxLength} characters of {@code text}, on one line, with an ellipsis when cut. */
    public static String of(String text, int maxLength) {
        if (text == null) {
            return "<none>";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= maxLength ? oneLine : oneLine.substring(0, maxLength) + "…";
    }

    /**
     * {@code text} on one line, cut in the middle when longer than {@code maxLength}: its first fifth and the rest from
     * its end, joined by an ellipsis. For model replies, whose answer is usually at the end (a chain of thought ends
     * in "So the answer is (E).").
     */
    public static String headAndTail(String text, int maxLength) {
        if (text == null) {
            return "<none>";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.length() <= maxLength) {
            return oneLine;
        }
        int head = maxLength / 5;
        int tailStart = oneLine.length() - (maxLength - head);
        // Cut between words where one is near, so that neither part starts or ends with half a word.
        int headSpace = oneLine.lastIndexOf(' ', head);
        if (headSpace > head - 20 && headSpace > 0) {
            head = headSpace;
        }
        int tailSpace = oneLine.indexOf(' ', tailStart - 1);
        if (tailSpace >= 0 && tailSpace < tailStart + 20) {
            tailStart = tailSpace + 1;
        }
        return oneLine.substring(0, head).stripTrailing() + " … "
                + oneLine.substring(tailStart).stripLeading();
    }
}
