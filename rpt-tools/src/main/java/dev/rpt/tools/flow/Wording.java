package dev.rpt.tools.flow;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The words a front end's users know for rpt's commands. rpt-tools writes its messages in Maven's words ({@code mvn
 * rpt:baseline}, {@code rpt:check}); a front end that is not Maven rewords every line it prints, so that a user of
 * the command line is told to run {@code rpt baseline}, not a goal their build may not have.
 */
@API(status = INTERNAL, since = "0.4")
public enum Wording implements UnaryOperator<String> {

    /** Maven's goals, as the messages are written. */
    MAVEN {
        @Override
        public String apply(String text) {
            return text;
        }
    },

    /** The {@code rpt} command line's commands; the test run is the build's own test task. */
    COMMAND_LINE {
        @Override
        public String apply(String text) {
            if (text == null) {
                return null;
            }
            String worded = text;
            for (Rule rule : RULES) {
                worded = rule.pattern().matcher(worded).replaceAll(rule.replacement());
            }
            return worded;
        }
    };

    private record Rule(Pattern pattern, String replacement) {

        static Rule of(String regex, String replacement) {
            return new Rule(Pattern.compile(regex), replacement);
        }
    }

    // In order: the longer Maven command lines first, so that a later rule does not reword half of one.
    private static final List<Rule> RULES = List.of(
            Rule.of(
                    "mvn verify rpt:baseline -Drpt\\.baseline\\.pool=true",
                    Matcher.quoteReplacement("rpt baseline --pool, after the prompt tests ran")),
            // Inside a code span, only the command: what is copied from it must run.
            Rule.of("`mvn verify rpt:(\\w+)`", "`rpt $1` (after the prompt tests ran)"),
            Rule.of("mvn verify rpt:(\\w+)", "rpt $1, after the prompt tests ran"),
            Rule.of("mvn (?:test |verify )?rpt:(\\w+)", "rpt $1"),
            Rule.of("\\brpt:(check|baseline|tune|diagnose|estimate|report|cache)\\b", "rpt $1"),
            Rule.of("`mvn (test|verify)`", "`gradle test` or `mvn $1`"),
            Rule.of("e\\.g\\. mvn (test|verify)\\b", "e.g. gradle test or mvn $1"),
            Rule.of("\\bmvn verify judges\\b", "rpt check judges"),
            // The goals' flags that are options of the command line's commands.
            Rule.of("-Drpt\\.baseline\\.force=true", "--force"));
}
