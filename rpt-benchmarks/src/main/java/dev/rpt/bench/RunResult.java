package dev.rpt.bench;

import java.nio.file.Path;

/**
 * What one engine run did, timed by the launcher's own events on the engine thread.
 *
 * @param cases the cases in the dataset
 * @param started case tests the engine started
 * @param passed case tests that passed
 * @param engineNanos from the engine's start event to its finish event: model client and report setup, every case,
 *     thresholds and the complete report
 * @param casesNanos from the first case's start to the last case's finish
 * @param requests requests the fake server received during the run
 * @param reportDirectory where the run wrote {@code last-run.json}
 */
record RunResult(
        int cases, long started, long passed, long engineNanos, long casesNanos, int requests, Path reportDirectory) {

    double engineMs() {
        return engineNanos / 1e6;
    }

    double casesMs() {
        return casesNanos / 1e6;
    }

    /** Throws when a case was lost or failed: a fast run that loses cases measures nothing. */
    RunResult requireAllPassed() {
        if (started != cases || passed != cases) {
            throw new IllegalStateException("The benchmark run lost cases: " + cases + " in the dataset, " + started
                    + " started, " + passed + " passed. See " + reportDirectory.resolve("last-run.json"));
        }
        return this;
    }
}
