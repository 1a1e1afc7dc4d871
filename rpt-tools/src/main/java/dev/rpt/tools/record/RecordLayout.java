package dev.rpt.tools.record;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Where each file of a tune record lives: the one place that knows the layout, for the tuner that writes it, the
 * resume that continues it, and the report that reads it.
 *
 * <pre>
 * &lt;record&gt;/summary.json          written last: a record without it is unfinished
 * &lt;record&gt;/transcript.jsonl      the optimizer's replies, one JSON line each
 * &lt;record&gt;/best.diff             the best candidate against the seed
 * &lt;record&gt;/iteration-NN/prompt.prompt, diagnostic.json, diff.patch, decision.json, report/last-run.json
 * </pre>
 *
 * @param directory the record's directory
 */
@API(status = INTERNAL, since = "0.1")
public record RecordLayout(Path directory) {

    public RecordLayout {
        Objects.requireNonNull(directory, "directory");
    }

    /** The trajectory, written when the tune finishes. */
    public Path summary() {
        return directory.resolve("summary.json");
    }

    /** Whether the tune finished: its summary exists. */
    public boolean finished() {
        return Files.isRegularFile(summary());
    }

    /** The optimizer's replies, one JSON line each ({@link TranscriptLine}). */
    public Path transcript() {
        return directory.resolve("transcript.jsonl");
    }

    /** The unified diff of the best candidate against the seed. */
    public Path bestDiff() {
        return directory.resolve("best.diff");
    }

    /** The files of one iteration, {@code iteration-01} and so on. */
    public Iteration iteration(int iteration) {
        return new Iteration(directory.resolve(String.format(Locale.ROOT, "iteration-%02d", iteration)));
    }

    /**
     * The files of one iteration.
     *
     * @param directory the iteration's directory
     */
    public record Iteration(Path directory) {

        public Iteration {
            Objects.requireNonNull(directory, "directory");
        }

        /** The candidate prompt the iteration evaluated. */
        public Path candidate() {
            return directory.resolve("prompt.prompt");
        }

        /** The diagnostic report of the evaluation; written after its run, so it marks the iteration complete. */
        public Path diagnostic() {
            return directory.resolve("diagnostic.json");
        }

        /** The candidate against the previous one. */
        public Path diff() {
            return directory.resolve("diff.patch");
        }

        /** The optimizer's PATCH decided after this iteration ({@link DecisionJson}). */
        public Path decision() {
            return directory.resolve("decision.json");
        }

        /** Where the evaluation's run writes its report. */
        public Path reportDirectory() {
            return directory.resolve("report");
        }
    }
}
