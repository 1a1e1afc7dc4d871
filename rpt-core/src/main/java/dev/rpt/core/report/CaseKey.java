package dev.rpt.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Comparator;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A case's identity across a run, a baseline and a tune: its class (with {@code [model]} when the run names its
 * models), its test method and its id. Every sample of a repeated case shares it. The one place that spells a case's
 * identity as text.
 *
 * @param classKey the class name, then {@code [model]} for a named model configuration ({@link CaseRecord#classKey})
 * @param method the test method
 * @param id the case id, unique per method
 */
@API(status = INTERNAL, since = "0.1")
public record CaseKey(String classKey, String method, String id) implements Comparable<CaseKey> {

    private static final Comparator<CaseKey> ORDER = Comparator.comparing(CaseKey::classKey)
            .thenComparing(CaseKey::method)
            .thenComparing(CaseKey::id);

    public CaseKey {
        Objects.requireNonNull(classKey, "classKey");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(id, "id");
    }

    /**
     * {@code class[model]#method#id}: how held-out lists name a case across classes. The tune's confirmation split
     * hashes this text, so it never changes: another spelling would move cases between selection and confirmation.
     */
    public String qualified() {
        return classKey + "#" + method + "#" + id;
    }

    /** {@code method[id]}: how reports name a case within its class. */
    public String inClass() {
        return method + "[" + id + "]";
    }

    @Override
    public int compareTo(CaseKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return qualified();
    }
}
