package dev.rpt.core.model.anthropic;

/** Replaces every occurrence of the API key in text that is about to enter an exception message. */
final class Mask {

    private Mask() {}

    static String apply(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, "****");
    }
}
