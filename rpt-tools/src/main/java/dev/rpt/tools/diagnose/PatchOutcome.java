package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Whether a PATCH did what it aimed at.
 *
 * @param iteration the iteration whose report the patch answered; its candidate was evaluated in the next iteration
 * @param targets the mode labels the patch targeted
 * @param shrank per target: whether the mode's count fell from that iteration to the next
 */
@API(status = INTERNAL, since = "0.1")
public record PatchOutcome(int iteration, List<String> targets, Map<String, Boolean> shrank) {

    public PatchOutcome {
        targets = List.copyOf(targets);
        shrank = Collections.unmodifiableMap(new LinkedHashMap<>(shrank));
    }
}
