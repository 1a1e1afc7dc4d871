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
 * Cases from a dataset file on the test classpath: JSONL, CSV or YAML. Every row becomes one test named by its
 * {@code id} column, or by its line number.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Cases.List.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Cases {

    /** The resource path, e.g. {@code cases/gsm8k-tune.jsonl}. */
    String value();

    /**
     * The split of these rows, e.g. {@code split = Split.HOLDOUT}. Empty (the default) lets a {@code split} column decide,
     * else a deterministic hash of the case id (see {@link PromptTest#holdoutFraction}). Give at most one.
     */
    Split[] split() default {};

    /**
     * Whether every row of this file must always pass, even in a class judged by its {@link Thresholds}. To mark
     * single rows, give the file a {@code mustPass} column with {@code true} on those rows instead.
     */
    boolean mustPass() default false;

    /** The column holding the case id. */
    String idColumn() default "id";

    /** Read at most this many rows; 0 reads all. */
    int limit() default 0;

    /** Holds repeated {@link Cases}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Cases[] value();
    }
}
