package dev.rpt.core.model;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConstants;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * An API key read from an environment variable. It prints as a mask, so it cannot leak through logs, exception
 * messages or reports by accident; only a provider's transport calls {@link #reveal()}.
 */
@API(status = INTERNAL, since = "0.1")
public final class ApiKey {

    private final String variable;
    private final String value;

    private ApiKey(String variable, String value) {
        this.variable = variable;
        this.value = value;
    }

    /**
     * Reads the key from the named environment variable.
     *
     * @param variable the variable's name, as configured by {@link RptConstants#API_KEY_ENV}
     * @param environment looks up environment variables ({@code System::getenv} outside tests)
     * @throws ConfigException naming the variable when it is unset or blank
     */
    public static ApiKey fromEnvironment(String variable, UnaryOperator<String> environment) {
        Objects.requireNonNull(variable, "variable");
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw new ConfigException("The API key environment variable " + variable + " is not set. Export it (export "
                    + variable + "=...), point " + RptConstants.API_KEY_ENV
                    + " at the variable that holds your key, or set " + RptConstants.API_KEY_ENV
                    + "=none for a server without authentication.");
        }
        return new ApiKey(variable, value.strip());
    }

    /** The name of the variable the key came from; safe to print. */
    public String variable() {
        return variable;
    }

    /** The secret itself, for the request header only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ApiKey[$" + variable + "=****]";
    }
}
