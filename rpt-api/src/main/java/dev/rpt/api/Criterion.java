package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * A criterion a judge model grades every answer of a test against, for answers that no single string can check: a
 * reply to a customer, a summary, an explanation. Declare it on the test method, or on the class for all its methods;
 * the engine asks the judge about every criterion of every case while the target's calls run, and the test asserts on
 * the verdicts, e.g. {@code assertThat(answer).meets("refund-and-apology")}.
 *
 * <pre>{@code
 * @Criterion(id = "refund-and-apology", value = "Mentions the refund amount and apologises once")
 * @Criterion(id = "matches-reference", value = "Says what the reference reply says: {{reference}}")
 * @Cases("cases/support.jsonl")
 * void replies(Answer answer) {
 *     assertThat(answer).meetsAllCriteria();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Criteria.class)
@API(status = EXPERIMENTAL, since = "0.2")
public @interface Criterion {

    /**
     * A stable id: lower-case letters, digits and hyphens, e.g. {@code refund-and-apology}. Assertions, the report and
     * the human-verdict column of a case file name the criterion by it.
     */
    String id();

    /**
     * The criterion in plain language, as the judge reads it. It may use the case's variables as {@code {{name}}}, so
     * a rubric or a reference answer can come from a column of the case file.
     */
    String value();

    /**
     * What the judge reads as the answer: the final reply (the default), or, for a tool-calling prompt, the whole
     * trajectory ({@link Graded#TRAJECTORY}), so that a criterion can be about the calls made on the way.
     */
    Graded graded() default Graded.REPLY;
}
