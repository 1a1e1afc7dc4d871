package dev.rpt.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tags of a prompt body: {@code {{name}}}, {@code {{role "system"}}}, {@code {{role "user"}}},
 * {@code {{! comment }}} and {@code {{!-- comment --}}}. Any other Handlebars construct is an error, because rpt
 * renders prompts itself and silently passing e.g. {@code {{#if}}} through to the model would be worse.
 */
final class TemplateScanner {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ROLE = Pattern.compile("role\\s+(?:\"([^\"]*)\"|'([^']*)')");
    private static final String SUPPORTED = "rpt supports only {{variable}}, {{role \"system\"}}, {{role \"user\"}},"
            + " {{! comment }} and {{!-- comment --}}";

    private TemplateScanner() {}

    static boolean isVariableName(String name) {
        return VARIABLE.matcher(name).matches();
    }

    /** The tags of {@code text} from offset {@code from} on, in order. */
    static List<Token> scan(String sourceName, String text, int from, LineIndex lines) {
        List<Token> tokens = new ArrayList<>();
        int position = from;
        while (true) {
            int open = text.indexOf("{{", position);
            if (open < 0) {
                return tokens;
            }
            int line = lines.lineOf(open);
            if (text.startsWith("{{!--", open)) {
                int close = text.indexOf("--}}", open + 5);
                if (close < 0) {
                    throw new PromptFormatException(
                            sourceName, line, "comment {{!-- is never closed: end it with --}}");
                }
                position = close + 4;
                tokens.add(new Token(Token.Kind.COMMENT, open, position, "", line));
                continue;
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new PromptFormatException(sourceName, line, "`{{` is never closed with `}}`. " + SUPPORTED + ".");
            }
            position = close + 2;
            if (text.charAt(open + 2) == '!') {
                tokens.add(new Token(Token.Kind.COMMENT, open, position, "", line));
                continue;
            }
            tokens.add(tag(sourceName, text, open, close, line));
        }
    }

    private static Token tag(String sourceName, String text, int open, int close, int line) {
        String inner = text.substring(open + 2, close).strip();
        if (VARIABLE.matcher(inner).matches() && !inner.equals("role")) {
            return new Token(Token.Kind.VARIABLE, open, close + 2, inner, line);
        }
        Matcher role = ROLE.matcher(inner);
        if (role.matches()) {
            String name = role.group(1) != null ? role.group(1) : role.group(2);
            if (!name.equals("system") && !name.equals("user")) {
                throw new PromptFormatException(
                        sourceName,
                        line,
                        "role \"" + name + "\" is not supported: a prompt has a \"system\" and a \"user\" section"
                                + " only.");
            }
            return new Token(Token.Kind.ROLE, open, close + 2, name, line);
        }
        String construct = text.substring(open, Math.min(close + 2, open + 60));
        if (text.startsWith("{{{", open)) {
            construct = construct + (text.startsWith("}", close + 2) ? "}" : "");
            throw new PromptFormatException(
                    sourceName,
                    line,
                    "unsupported template construct `" + construct + "`: rpt never HTML-escapes values, so write"
                            + " {{name}} instead of {{{name}}}.");
        }
        throw new PromptFormatException(
                sourceName,
                line,
                "unsupported template construct `" + construct + "`. " + SUPPORTED
                        + "; helpers, blocks, partials and paths are not.");
    }
}
