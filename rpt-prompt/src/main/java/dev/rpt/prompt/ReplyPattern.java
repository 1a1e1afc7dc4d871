package dev.rpt.prompt;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * A Java regular expression with exactly one capturing group, which marks a value in a reply: it is <em>found</em>
 * anywhere in the reply (the first match counts, as Python's {@code re.search}), not matched against the whole
 * reply. For example {@code "[Tt]he answer is (.*?)\\."} takes {@code (E)} from {@code "... So the answer is (E)."}.
 *
 * @param regex the expression, as written in the front matter
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ReplyPattern(String regex) {

    /** @throws IllegalArgumentException when the expression does not compile or has not exactly one group */
    public ReplyPattern {
        Objects.requireNonNull(regex, "regex");
        int groups;
        try {
            groups = Pattern.compile(regex).matcher("").groupCount();
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
        if (groups != 1) {
            throw new IllegalArgumentException("needs exactly one capturing group (the value), and has " + groups
                    + "; make other groups non-capturing with (?:...)");
        }
    }

    /** The group at the first match in {@code text}, if the expression is found. */
    public Optional<String> find(String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? Optional.ofNullable(matcher.group(1)) : Optional.empty();
    }
}
