package dev.rpt.tools.diagnose;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Case ids key the analysis, so a duplicate would silently merge two cases. */
final class UniqueIds {

    private UniqueIds() {}

    static void check(List<FailedCase> failures) {
        Set<String> seen = new HashSet<>();
        for (FailedCase failure : failures) {
            if (!seen.add(failure.id())) {
                throw new IllegalArgumentException("two failed cases share the id '" + failure.id()
                        + "'; give every case of the evaluation a unique id");
            }
        }
    }
}
