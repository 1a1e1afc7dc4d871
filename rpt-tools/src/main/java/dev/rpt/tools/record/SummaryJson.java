package dev.rpt.tools.record;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.core.calibration.Metrics;
import dev.rpt.core.files.JsonChecks;
import dev.rpt.core.files.JsonFileException;
import dev.rpt.core.files.JsonFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * {@code summary.json}, the last file of a tune record: why it stopped, which iteration won, and every iteration's
 * scores.
 *
 * <p>Version 1. Records written before the field existed have no {@code schemaVersion} and read as version 1: the
 * fields are the same.
 *
 * @param schemaVersion {@value #SCHEMA_VERSION}
 * @param stopReason why the tune stopped
 * @param seedIteration the iteration that evaluated the seed
 * @param bestIteration the iteration selected on the held-out split
 * @param written whether the best candidate was written to the prompt file
 * @param brierWeight the weight of the Brier score in the held-out score
 * @param iterations every evaluated iteration, in order
 * @param usage the tune's model calls
 * @param adoption whether the confirmation cases adopted the best candidate; absent in records written before it
 *     existed
 * @param objective what the tune maximised, e.g. {@code accuracy} or {@code pass^5}; absent in records written before
 *     it existed, which maximised accuracy
 */
@API(status = INTERNAL, since = "0.1")
@JsonPropertyOrder({
    "schemaVersion",
    "stopReason",
    "seedIteration",
    "bestIteration",
    "written",
    "brierWeight",
    "iterations",
    "usage",
    "adoption",
    "objective"
})
public record SummaryJson(
        Integer schemaVersion,
        String stopReason,
        int seedIteration,
        int bestIteration,
        boolean written,
        double brierWeight,
        List<IterationJson> iterations,
        UsageJson usage,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<AdoptionJson> adoption,
        @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> objective) {

    /** The version this rpt writes. */
    public static final int SCHEMA_VERSION = 1;

    public SummaryJson {
        schemaVersion = schemaVersion == null ? SCHEMA_VERSION : schemaVersion;
        stopReason = stopReason == null ? "" : stopReason;
        iterations = JsonChecks.list(iterations);
        adoption = adoption == null ? Optional.empty() : adoption;
        objective = objective == null ? Optional.empty() : objective;
    }

    /**
     * The adoption decision: the best candidate against the seed on the confirmation cases, which chose nothing.
     *
     * @param adopted whether the best candidate replaces the seed (the prompt file is written unless a dry run)
     * @param reason why
     * @param cases the confirmation cases scored on both prompts
     * @param seed the seed's accuracy on them, absent when there were none
     * @param candidate the candidate's accuracy on them
     * @param gainInterval the interval of the gain, at {@code 1 − 2α}, as {@code [lower, upper]}
     * @param pValue the one-sided p-value of "the candidate is no better"
     * @param test the paired test and its counts
     */
    @JsonPropertyOrder({"adopted", "reason", "cases", "seed", "candidate", "gainInterval", "pValue", "test"})
    public record AdoptionJson(
            boolean adopted,
            String reason,
            int cases,
            OptionalDouble seed,
            OptionalDouble candidate,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> gainInterval,
            OptionalDouble pValue,
            String test) {

        public AdoptionJson {
            reason = reason == null ? "" : reason;
            test = test == null ? "" : test;
            seed = seed == null ? OptionalDouble.empty() : seed;
            candidate = candidate == null ? OptionalDouble.empty() : candidate;
            pValue = pValue == null ? OptionalDouble.empty() : pValue;
        }
    }

    /**
     * One iteration's scores.
     *
     * @param iteration its number
     * @param tune the metrics on the optimization split
     * @param holdout the metrics on the selection cases of the held-out split
     * @param holdoutScore the score selection ranks by
     * @param failureModes the labels of its failure modes
     * @param confirm the metrics on the confirmation cases (held out, choosing nothing); absent in records written
     *     before they existed, where {@code holdout} covers every held-out case
     * @param reliability how reliably the tune and selection cases passed over their samples; written by tunes with a
     *     repeat objective only
     */
    @JsonPropertyOrder({"iteration", "tune", "holdout", "holdoutScore", "failureModes", "confirm", "reliability"})
    public record IterationJson(
            int iteration,
            ScoresJson tune,
            ScoresJson holdout,
            double holdoutScore,
            List<String> failureModes,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<ScoresJson> confirm,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<ReliabilitiesJson> reliability) {

        public IterationJson {
            JsonChecks.present(tune, "tune");
            JsonChecks.present(holdout, "holdout");
            failureModes = JsonChecks.list(failureModes);
            confirm = confirm == null ? Optional.empty() : confirm;
            reliability = reliability == null ? Optional.empty() : reliability;
        }
    }

    /**
     * An iteration's reliability on the tune split and on the selection cases.
     *
     * @param tune on the tune split
     * @param holdout on the selection cases of the held-out split
     */
    @JsonPropertyOrder({"tune", "holdout"})
    public record ReliabilitiesJson(ReliabilityJson tune, ReliabilityJson holdout) {

        public ReliabilitiesJson {
            JsonChecks.present(tune, "tune");
            JsonChecks.present(holdout, "holdout");
        }
    }

    /**
     * How reliably one split's cases passed over their samples.
     *
     * @param cases the cases with a scored sample
     * @param passRate the mean of the cases' pass rates, {@code null} without cases
     * @param passAll the share of cases whose every sample passed (pass^k), {@code null} without cases
     * @param unstable the cases that passed in some samples and failed in others
     */
    @JsonPropertyOrder({"cases", "passRate", "passAll", "unstable"})
    public record ReliabilityJson(int cases, OptionalDouble passRate, OptionalDouble passAll, int unstable) {

        public ReliabilityJson {
            passRate = JsonChecks.unit(passRate, "passRate");
            passAll = JsonChecks.unit(passAll, "passAll");
        }
    }

    /**
     * The headline metrics of one split.
     *
     * @param n the scored cases
     * @param accuracy the accuracy, {@code null} when undefined
     * @param accuracyCi the accuracy's Wilson interval as {@code [lower, upper]}, absent when undefined
     * @param ece the expected calibration error, {@code null} when undefined
     * @param brier the Brier score, {@code null} when undefined
     */
    @JsonPropertyOrder({"n", "accuracy", "accuracyCi", "ece", "brier"})
    public record ScoresJson(
            int n,
            OptionalDouble accuracy,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> accuracyCi,
            OptionalDouble ece,
            OptionalDouble brier) {

        public ScoresJson {
            accuracy = JsonChecks.unit(accuracy, "accuracy");
            ece = JsonChecks.unit(ece, "ece");
            brier = JsonChecks.unit(brier, "brier");
            if (accuracyCi != null && accuracyCi.size() != 2) {
                throw new IllegalArgumentException("accuracyCi: must be [lower, upper], got " + accuracyCi);
            }
        }

        /** The scores of a split's metrics. */
        public static ScoresJson of(Metrics metrics) {
            return new ScoresJson(
                    metrics.n(),
                    metrics.accuracy(),
                    metrics.accuracyCi()
                            .map(ci -> List.of(ci.lower(), ci.upper()))
                            .orElse(null),
                    metrics.ece(),
                    metrics.brier());
        }
    }

    /**
     * The tune's model calls.
     *
     * @param calls every call
     * @param cachedCalls the calls answered from the response cache
     * @param tokens the tokens of all calls
     * @param costUsd the cost in US dollars, {@code null} when a model's price is unknown
     */
    @JsonPropertyOrder({"calls", "cachedCalls", "tokens", "costUsd"})
    public record UsageJson(long calls, long cachedCalls, long tokens, OptionalDouble costUsd) {

        public UsageJson {
            costUsd = costUsd == null ? OptionalDouble.empty() : costUsd;
        }
    }

    /** Writes the summary atomically: once it exists, the record is finished. */
    public void write(Path file) throws IOException {
        JsonFiles.write(file, this);
    }

    /**
     * Reads a summary of this version or an earlier one.
     *
     * @throws IOException naming the file, and the field, when it is not a summary this rpt can read
     */
    public static SummaryJson read(Path file) throws IOException {
        try {
            JsonNode tree = JsonFiles.readTree(file);
            int version = tree.has("schemaVersion") ? JsonFiles.version(tree, "schemaVersion") : SCHEMA_VERSION;
            if (version != SCHEMA_VERSION) {
                throw new JsonFileException(
                        "schemaVersion", "is " + tree.path("schemaVersion") + ", and this rpt reads " + SCHEMA_VERSION);
            }
            return JsonFiles.bind(tree, SummaryJson.class);
        } catch (JsonFileException e) {
            throw new IOException(
                    file + " is not a tune summary this rpt can read: " + e.getMessage()
                            + ". Re-run `mvn rpt:tune`, or read the record with the rpt that wrote it.",
                    e);
        }
    }
}
