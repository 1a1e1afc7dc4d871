package dev.rpt.core.files;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Checks for the compact constructors of format records. Each failure names its field first ({@code "n: must be a
 * non-negative integer and is missing"}), so that {@link JsonFiles} can name the whole path.
 */
@API(status = INTERNAL, since = "0.1")
public final class JsonChecks {

    private JsonChecks() {}

    /** A required string. */
    public static String text(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": must be a string and is missing");
        }
        return value;
    }

    /** A required object or value of any type. */
    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": must be present and is missing");
        }
        return value;
    }

    /** A required non-negative integer. */
    public static int count(Integer value, String field) {
        if (value == null || value < 0) {
            throw new IllegalArgumentException(field + ": must be a non-negative integer"
                    + (value == null ? " and is missing" : ", got " + value));
        }
        return value;
    }

    /** A number in [0, 1], or {@code null} for none. */
    public static OptionalDouble unit(OptionalDouble value, String field) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (value.isPresent() && !(value.getAsDouble() >= 0 && value.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(
                    field + ": must be a number in [0, 1] or null, got " + value.getAsDouble());
        }
        return value;
    }

    /** A list that older files may lack: absent reads as empty. */
    public static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }
}
