package dev.rpt.core.model.runtime;

import dev.rpt.core.model.ChatResponse;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Says, once per model, that a fresh reply names another model snapshot than the cache entry it replaces: the model
 * changed behind its name, which is what a scheduled refresh exists to catch, and the answers that differ from the
 * recording may differ because of it. One note is enough to say so; one per replaced entry would bury it.
 */
final class SnapshotNote {

    private final String label;
    private final Consumer<String> out;
    private final AtomicBoolean said = new AtomicBoolean();

    /**
     * @param label the model as configured, e.g. {@code openai/gpt-4.1}
     * @param out where the note goes ({@code System.out::println} in a run, as the engine's other {@code [rpt]} lines)
     */
    SnapshotNote(String label, Consumer<String> out) {
        this.label = Objects.requireNonNull(label, "label");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Compares a replaced entry's reply with the fresh one, and says so the first time they differ. */
    void compare(ChatResponse replaced, ChatResponse fresh) {
        if (changed(replaced, fresh) && said.compareAndSet(false, true)) {
            out.accept("[rpt] " + label + ": the provider now serves " + snapshot(fresh) + ", the cache held answers"
                    + " from " + snapshot(replaced));
        }
    }

    /**
     * Another model id, or another fingerprint where both replies have one: an entry of an earlier rpt has none, and
     * its absence is no change.
     */
    static boolean changed(ChatResponse replaced, ChatResponse fresh) {
        if (!replaced.model().equals(fresh.model())) {
            return true;
        }
        return replaced.systemFingerprint() != null
                && fresh.systemFingerprint() != null
                && !replaced.systemFingerprint().equals(fresh.systemFingerprint());
    }

    private static String snapshot(ChatResponse response) {
        return response.systemFingerprint() == null
                ? response.model()
                : response.model() + " (system fingerprint " + response.systemFingerprint() + ")";
    }
}
