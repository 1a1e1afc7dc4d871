package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** Injects one variable of the current case into a {@code String} parameter: {@code @Var("answer") String expected}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface Var {

    /** The variable name. */
    String value();
}
