package dev.rpt.tools.html;

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * <p>rpt-core has no HTML escaper among its dependencies (Jackson, OkHttp, java-diff-utils and commons-math3 have
 * none), and adding one (commons-text, Guava) for five characters would be out of proportion; escaping exactly {@code
 * & < > " '} is what the OWASP rules require for these two contexts, and {@code HtmlTests} checks every one.
 */
final class Html {

    private Html() {}

    /** {@code text} with {@code & < > " '} replaced by character references; {@code null} becomes empty. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code text} cut to at most {@code max} characters (with an ellipsis when cut), then escaped. Cutting before
     * escaping keeps character references whole.
     */
    static String escape(String text, int max) {
        if (text == null || text.length() <= max) {
            return escape(text);
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        return escape(text.substring(0, end)) + "…";
    }
}
