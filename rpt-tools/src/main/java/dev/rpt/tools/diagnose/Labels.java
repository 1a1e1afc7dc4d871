package dev.rpt.tools.diagnose;

import java.util.Locale;

/** Normalizes and bounds label and definition texts, so that spelling variants group and reports stay small. */
final class Labels {

    static final int MAX_LABEL = 80;
    static final int MAX_DEFINITION = 300;

    private Labels() {}

    /** The grouping key: lower case, single spaces, no surrounding quotes or final punctuation. */
    static String key(String label) {
        String text = label.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        text = text.replaceAll("^[\"'`]+|[\"'`]+$", "");
        return text.replaceAll("[\\s.;:!?]+$", "").strip();
    }

    /** The text cut to {@code max} characters on one line, with an ellipsis when cut. */
    static String clip(String text, int max) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }
}
