package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** One inline case: {@code @Case(vars = {"question=What is 2 + 2?"})}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Case.List.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Case {

    /** The case id; empty means the method name plus the position of the annotation. */
    String id() default "";

    /** The variables as {@code name=value}; the first {@code =} separates name and value. */
    String[] vars();

    /**
     * The split of this case, e.g. {@code split = Split.HOLDOUT}. Empty (the default) lets a {@code split} column decide,
     * else a deterministic hash of the case id (see {@link PromptTest#holdoutFraction}). Give at most one.
     */
    Split[] split() default {};

    /**
     * Whether this case is a contract that must always pass (a safety refusal, a legal disclaimer, a golden example).
     * A wrong answer fails the build even in a class judged by its {@link Thresholds}; with {@code rpt.repeat} every
     * sample must pass.
     */
    boolean mustPass() default false;

    /** Holds repeated {@link Case}s. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Case[] value();
    }
}
