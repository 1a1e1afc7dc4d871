package dev.rpt.junit.engine;

import dev.rpt.api.Answer;
import dev.rpt.api.Criterion;
import dev.rpt.api.Graded;
import dev.rpt.api.Step;
import dev.rpt.core.eval.TrajectoryText;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Criterion} a test method's answers are judged against: the class's criteria, then the method's.
 *
 * @param id the criterion's id
 * @param text the criterion as declared, with {@code {{variable}}} placeholders for the case's variables
 */
record DeclaredCriterion(String id, String text, Graded graded) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

    /**
     * The criteria of a test method, in declaration order: the class's first.
     *
     * @throws IllegalArgumentException naming the annotation and the fix when an id is malformed or repeated, or a
     *     text is blank
     */
    static List<DeclaredCriterion> of(Class<?> testClass, Method method) {
        List<DeclaredCriterion> criteria = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<Criterion> declared = new ArrayList<>(List.of(testClass.getAnnotationsByType(Criterion.class)));
        declared.addAll(List.of(method.getAnnotationsByType(Criterion.class)));
        String where = testClass.getSimpleName() + "." + method.getName();
        for (Criterion criterion : declared) {
            if (!ID.matcher(criterion.id()).matches()) {
                throw new IllegalArgumentException("@Criterion(id = \"" + criterion.id() + "\") of " + where
                        + " is not a valid id: use lower-case letters, digits and single hyphens, e.g."
                        + " \"refund-and-apology\"; reports and human-verdict columns name the criterion by it.");
            }
            if (!ids.add(criterion.id())) {
                throw new IllegalArgumentException("@Criterion(id = \"" + criterion.id() + "\") is declared twice for "
                        + where + " (on the class and the method, or twice on one); give each criterion its own id.");
            }
            if (criterion.value().isBlank()) {
                throw new IllegalArgumentException("@Criterion(id = \"" + criterion.id() + "\") of " + where
                        + " has no text; write what the answer must do, e.g. \"Apologises once\".");
            }
            criteria.add(new DeclaredCriterion(criterion.id(), criterion.value().strip(), criterion.graded()));
        }
        return List.copyOf(criteria);
    }

    /**
     * What the judge reads of the answer: its reply, or its trajectory one numbered line per step ({@link
     * Graded#TRAJECTORY}).
     */
    String graded(Answer answer) {
        if (graded == Graded.REPLY) {
            return answer.text().isBlank() ? answer.raw() : answer.text();
        }
        StringBuilder lines = new StringBuilder();
        List<Step> steps = answer.steps();
        for (int i = 0; i < steps.size(); i++) {
            lines.append(i == 0 ? "" : "\n")
                    .append(i + 1)
                    .append(". ")
                    .append(TrajectoryText.step(steps.get(i), 2_000, 2_000));
        }
        return lines.toString();
    }

    /** The case variables the text uses. */
    Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * The text with the case's variables filled in.
     *
     * @throws IllegalArgumentException naming the variable a case lacks
     */
    String render(Map<String, String> vars) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String value = vars.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("criterion '" + id + "' uses {{" + matcher.group(1)
                        + "}}, which this case does not have; add the column to the case file");
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }
}
