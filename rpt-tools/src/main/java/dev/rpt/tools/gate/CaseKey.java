package dev.rpt.tools.gate;

import java.util.Comparator;
import java.util.Objects;

/**
 * Identifies a case within its class: ids are unique per test method, and every sample of a repeated case shares it.
 *
 * @param method the test method
 * @param id the case id
 */
record CaseKey(String method, String id) implements Comparable<CaseKey> {

    private static final Comparator<CaseKey> ORDER =
            Comparator.comparing(CaseKey::method).thenComparing(CaseKey::id);

    CaseKey {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(id, "id");
    }

    @Override
    public int compareTo(CaseKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return method + "[" + id + "]";
    }
}
