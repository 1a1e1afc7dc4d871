package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.chat.Role;
import dev.rpt.core.report.CaseRecord;
import dev.rpt.prompt.PromptFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The worked examples a tune keeps in a candidate's system section: one block that rpt owns, from a line {@value
 * #BEGIN} to a line {@value #END}, each example headed by a comment naming its case. Comments are removed when the prompt renders, so the model
 * sees the examples and the prompt file records which cases they are. The block's text is always rebuilt from the
 * cases, so it cannot carry anything else: the optimizer chooses case ids, never example text.
 */
@API(status = INTERNAL, since = "0.2")
public final class WorkedExamples {

    /**
     * The block's first line. Its marker follows text, because a section's leading and trailing comments are not
     * part of its replaceable text, and the block may be all the section holds.
     */
    static final String BEGIN = "Worked examples:{{! rpt:examples begin }}";

    /** The block's last line: text, for the same reason. */
    static final String END = "End of worked examples.";

    private static final Pattern BLOCK =
            Pattern.compile("\\n*" + Pattern.quote(BEGIN) + ".*?" + Pattern.quote(END) + "\\n*", Pattern.DOTALL);
    private static final Pattern EXAMPLE = Pattern.compile("\\{\\{! rpt:example (\\S+) }}");

    private WorkedExamples() {}

    /**
     * An optimization case the prompt answered correctly, offered as a worked example.
     *
     * @param id the case id
     * @param vars the variables the case fills in
     * @param answer the answer that passed
     * @param reasoning the model's justification of it, if it gave one
     */
    public record Example(String id, Map<String, String> vars, String answer, Optional<String> reasoning) {

        public Example {
            Objects.requireNonNull(id, "id");
            vars = Map.copyOf(vars);
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(reasoning, "reasoning");
        }

        /** The example a passed case gives. */
        public static Example of(CaseRecord passed) {
            return new Example(passed.id(), passed.vars(), passed.answer().orElse(""), passed.justification());
        }
    }

    /** The case ids of the examples in a system section, in order. */
    static List<String> ids(String system) {
        List<String> ids = new ArrayList<>();
        Matcher block = BLOCK.matcher(system);
        if (block.find()) {
            Matcher example = EXAMPLE.matcher(block.group());
            while (example.find()) {
                ids.add(example.group(1));
            }
        }
        return ids;
    }

    /** The case ids of a candidate's examples. */
    static List<String> ids(PromptFile candidate) {
        return ids(candidate.sectionText(Role.SYSTEM));
    }

    /** The system section without its examples block. */
    static String strip(String system) {
        return BLOCK.matcher(system).replaceFirst("\n\n").strip();
    }

    /** The examples block of a system section, or an empty text. */
    static String block(String system) {
        Matcher block = BLOCK.matcher(system);
        return block.find() ? block.group() : "";
    }

    /**
     * The system section with its examples replaced by these, rendered with the candidate's user section; without
     * examples, the section with no block.
     *
     * @throws IllegalArgumentException naming the case whose text cannot go into a template, or that the user section
     *     cannot render
     */
    static String withExamples(String system, PromptFile template, List<Example> examples) {
        String rest = strip(system);
        if (examples.isEmpty()) {
            return rest;
        }
        StringBuilder block = new StringBuilder(BEGIN).append('\n');
        for (Example example : examples) {
            String input;
            try {
                input = template.render(example.vars()).user();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "case '" + example.id() + "' cannot be rendered as an example: " + e.getMessage(), e);
            }
            StringBuilder text = new StringBuilder(input.strip()).append('\n');
            example.reasoning()
                    .filter(reasoning -> !reasoning.isBlank())
                    .ifPresent(reasoning ->
                            text.append("Reasoning: ").append(reasoning.strip()).append('\n'));
            text.append("Answer: ").append(example.answer().strip()).append('\n');
            if (text.indexOf("{{") >= 0
                    || text.indexOf("}}") >= 0
                    || !example.id().matches("\\S+")) {
                throw new IllegalArgumentException("case '" + example.id() + "' cannot be an example: its text holds"
                        + " '{{' or '}}', which a prompt template cannot carry as text; choose another case");
            }
            block.append("\n{{! rpt:example ")
                    .append(example.id())
                    .append(" }}\n")
                    .append(text);
        }
        block.append(END);
        return rest.isEmpty() ? block.toString() : rest + "\n\n" + block;
    }
}
