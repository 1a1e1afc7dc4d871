package dev.rpt.tools.diagnose;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The deterministic label of a failure: its kind plus a summary with the case-specific parts (numbers, quoted text,
 * lists, ids) taken out, so that failures that differ only in their data share one label. The summary comes from the
 * structured parts rpt's assertions record (what was wrong, else what was expected); only a plain assertion, which
 * has nothing but a message, is summarised from its message, whatever its wording.
 */
final class MessagePattern {

    private static final int SUMMARY_WORDS = 8;
    private static final int TEMPLATE_LENGTH = 160;

    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|“[^”]*”");
    private static final Pattern LIST = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern UUID =
            Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern ID = Pattern.compile("\\b[A-Za-z][A-Za-z0-9]*[-_][0-9][A-Za-z0-9_-]*\\b");
    private static final Pattern HEX = Pattern.compile("\\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\\b");
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:[.,]\\d+)*(?:[eE][-+]?\\d+)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\"…\"|\\[…]|<id>|#");
    private static final Pattern LEADING_ARTICLE = Pattern.compile("^(?:the|a|an)\\s+", Pattern.CASE_INSENSITIVE);

    private MessagePattern() {}

    /** The message with case data replaced by placeholders: {@code "…"}, {@code […]}, {@code <id>}, {@code #}. */
    static String template(String message) {
        String text = QUOTED.matcher(message).replaceAll("\"…\"");
        text = LIST.matcher(text).replaceAll("[…]");
        text = UUID.matcher(text).replaceAll("<id>");
        text = ID.matcher(text).replaceAll("<id>");
        text = HEX.matcher(text).replaceAll("<id>");
        text = NUMBER.matcher(text).replaceAll("#");
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= TEMPLATE_LENGTH ? text : text.substring(0, TEMPLATE_LENGTH) + "…";
    }

    /**
     * A short summary of the template. When the message explains itself after a "but" (as in "Expected X, but the
     * answer holds several numbers"), the explanation is the summary; otherwise the expectation is.
     */
    static String summary(String message) {
        String template = template(message);
        int but = template.toLowerCase(Locale.ROOT).lastIndexOf(", but ");
        String part = but >= 0 ? template.substring(but + ", but ".length()) : template;
        part = PLACEHOLDER.matcher(part).replaceAll(" ");
        part = part.replaceAll("\\s+([,.:;!?])", "$1").replaceAll("\\s+", " ").strip();
        part = part.replaceAll("[\\s,.;:!?…]+$", "");
        part = LEADING_ARTICLE.matcher(part).replaceFirst("");
        String[] words = part.isEmpty() ? new String[0] : part.split(" ");
        if (words.length == 0) {
            return "no message";
        }
        StringBuilder summary = new StringBuilder();
        for (int i = 0; i < Math.min(SUMMARY_WORDS, words.length); i++) {
            summary.append(i == 0 ? "" : " ").append(words[i]);
        }
        String text = summary.toString();
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }

    /** The label {@code <kind>: <summary>}, e.g. {@code format: answer holds several numbers}. */
    static String label(FailedCase failure) {
        return failure.failureKind().toLowerCase(Locale.ROOT) + ": " + summary(described(failure));
    }

    /** A definition for the deterministic label, quoting the template of what the failures share. */
    static String definition(FailedCase failure) {
        return "Failed '" + failure.failureKind().toLowerCase(Locale.ROOT) + "' assertions that read like: "
                + template(described(failure));
    }

    /** What the failure says about itself: its problem, else its expectation, else (a plain assertion) its message. */
    private static String described(FailedCase failure) {
        return failure.problem()
                .or(() -> failure.expected().map(expected -> "Expected " + expected))
                .orElse(failure.failureMessage());
    }

    /** The stand-in critique of a failure: its deterministic label. */
    static CritiqueMode asCritique(FailedCase failure) {
        return CritiqueMode.deterministic(label(failure), definition(failure));
    }
}
