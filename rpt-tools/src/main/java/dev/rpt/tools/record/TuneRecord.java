package dev.rpt.tools.record;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.Interval;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * A tune record read back from {@code target/rpt/tune/<id>/}: what the HTML report shows of a tune.
 *
 * @param directory where the record is
 * @param stopReason why the tune stopped
 * @param bestIteration the iteration selected on the held-out split
 * @param written whether the best prompt was written back to the prompt file
 * @param iterations every evaluated iteration, in order
 * @param adoption whether the confirmation cases adopted the best candidate; empty in records written before it
 *     existed
 * @param objective what the tune maximised, e.g. {@code accuracy} or {@code pass^5}
 */
@API(status = INTERNAL, since = "0.1")
public record TuneRecord(
        Path directory,
        String stopReason,
        int bestIteration,
        boolean written,
        List<Iteration> iterations,
        Optional<SummaryJson.AdoptionJson> adoption,
        String objective) {

    public TuneRecord {
        Objects.requireNonNull(objective, "objective");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(stopReason, "stopReason");
        iterations = List.copyOf(iterations);
        Objects.requireNonNull(adoption, "adoption");
    }

    /**
     * Reads the record the tuner wrote to {@code directory} ({@link RecordLayout}): {@code summary.json} and, per
     * iteration, its diagnostic report, diff and decision where present.
     *
     * @throws IOException when {@code summary.json} is missing or any of the files is not the JSON the tuner writes;
     *     the message names the file
     */
    public static TuneRecord read(Path directory) throws IOException {
        return TuneRecordReader.read(directory);
    }

    /**
     * The most recently finished tune under {@code reportDirectory/tune/}, if any: the sub-directory whose {@code
     * summary.json} was written last.
     *
     * @throws IOException when the directory exists but cannot be listed
     */
    public static Optional<Path> latest(Path reportDirectory) throws IOException {
        return TuneRecordReader.latest(reportDirectory);
    }

    /**
     * One evaluated iteration.
     *
     * @param iteration its number; 1 is the first evaluation
     * @param tune the metrics on the tune split
     * @param holdout the metrics on the selection cases of the held-out split
     * @param failureModes the failure modes the diagnostic report named, with example case ids; empty when the
     *     iteration has no {@code diagnostic.json}
     * @param diff the unified diff of this iteration's prompt against the previous candidate; empty when there is none
     *     or it is blank
     * @param patch the optimizer's PATCH decision that produced this iteration's prompt; empty for the first
     * @param confirm the metrics on the confirmation cases; empty in records written before they existed
     * @param reliability how reliably the cases passed over their samples; only with a repeat objective
     */
    public record Iteration(
            int iteration,
            SplitScores tune,
            SplitScores holdout,
            List<Mode> failureModes,
            Optional<String> diff,
            Optional<Patch> patch,
            Optional<SplitScores> confirm,
            Optional<SummaryJson.ReliabilitiesJson> reliability) {

        public Iteration {
            Objects.requireNonNull(reliability, "reliability");
            Objects.requireNonNull(confirm, "confirm");
            Objects.requireNonNull(tune, "tune");
            Objects.requireNonNull(holdout, "holdout");
            failureModes = List.copyOf(failureModes);
            Objects.requireNonNull(diff, "diff");
            Objects.requireNonNull(patch, "patch");
        }
    }

    /**
     * The headline metrics of one split in one iteration, as {@code summary.json} states them.
     *
     * @param n the scored cases
     * @param accuracy the accuracy, empty when undefined
     * @param accuracyCi the accuracy's Wilson interval, empty when undefined
     * @param ece the expected calibration error, empty when undefined
     * @param brier the Brier score, empty when undefined
     */
    public record SplitScores(
            int n, OptionalDouble accuracy, Optional<Interval> accuracyCi, OptionalDouble ece, OptionalDouble brier) {

        public SplitScores {
            Objects.requireNonNull(accuracy, "accuracy");
            Objects.requireNonNull(accuracyCi, "accuracyCi");
            Objects.requireNonNull(ece, "ece");
            Objects.requireNonNull(brier, "brier");
        }
    }

    /**
     * A failure mode of a diagnostic report.
     *
     * @param label the mode's short name
     * @param definition what the mode means
     * @param count the failed cases in it
     * @param prevalence {@code count} over the failed cases, empty when not stated
     * @param examples up to three example case ids
     */
    public record Mode(String label, String definition, int count, OptionalDouble prevalence, List<String> examples) {

        public Mode {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(definition, "definition");
            Objects.requireNonNull(prevalence, "prevalence");
            examples = List.copyOf(examples);
        }
    }

    /**
     * The optimizer's PATCH decision.
     *
     * @param targets the failure modes the patch says it targets
     * @param rationale why, in the optimizer's words
     */
    public record Patch(List<String> targets, String rationale) {

        public Patch {
            targets = List.copyOf(targets);
            Objects.requireNonNull(rationale, "rationale");
        }
    }
}
