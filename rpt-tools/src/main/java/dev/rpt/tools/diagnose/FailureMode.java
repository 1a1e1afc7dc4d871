package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A recurring way in which the candidate prompt fails.
 *
 * @param label a short name, e.g. {@code answer holds several numbers}
 * @param definition one sentence saying what the failures of this mode have in common
 * @param count the failed cases showing this mode
 * @param prevalence {@code count} divided by the number of failed cases
 * @param examples up to three ids of cases showing this mode
 */
@API(status = INTERNAL, since = "0.1")
public record FailureMode(String label, String definition, int count, double prevalence, List<String> examples) {

    /** The most example ids a mode carries; the report's size must not grow with the number of cases. */
    public static final int MAX_EXAMPLES = 3;

    public FailureMode {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(definition, "definition");
        if (count < 0 || !(prevalence >= 0 && prevalence <= 1)) {
            throw new IllegalArgumentException(
                    "mode '" + label + "' has count " + count + " and prevalence " + prevalence);
        }
        examples = List.copyOf(examples.subList(0, Math.min(MAX_EXAMPLES, examples.size())));
    }
}
