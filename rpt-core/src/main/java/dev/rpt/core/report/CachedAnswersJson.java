package dev.rpt.core.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rpt.core.model.runtime.CachedAnswers;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The run report's {@code usage.cachedAnswers}: when the answers a run took from the response cache were written.
 * Absent in a run that took none and in reports written before the field existed; either reads as {@link
 * CachedAnswers#NONE}.
 *
 * @param count the answers served from the cache
 * @param oldest the write time of the oldest dated one, an ISO-8601 UTC instant; null when none is dated
 * @param newest the write time of the newest dated one; null when none is dated
 * @param undated those from entries an earlier rpt wrote, without a write time
 * @param olderThanMaxAge those older than {@code rpt.cache.max-age}, served because {@code replay-only} never calls
 */
@JsonPropertyOrder({"count", "oldest", "newest", "undated", "olderThanMaxAge"})
record CachedAnswersJson(long count, String oldest, String newest, long undated, long olderThanMaxAge) {

    /** The field of a run's usage; null, and so left out, when no answer came from the cache. */
    static CachedAnswersJson of(CachedAnswers answers) {
        if (answers.count() == 0) {
            return null;
        }
        return new CachedAnswersJson(
                answers.count(),
                answers.oldest().map(Instant::toString).orElse(null),
                answers.newest().map(Instant::toString).orElse(null),
                answers.undated(),
                answers.overMaxAge());
    }

    /** The answers this field states; {@link CachedAnswers#NONE} for an absent one. */
    static CachedAnswers toAnswers(CachedAnswersJson json) {
        if (json == null) {
            return CachedAnswers.NONE;
        }
        return new CachedAnswers(
                json.count,
                instant(json.oldest, "oldest"),
                instant(json.newest, "newest"),
                json.undated,
                json.olderThanMaxAge);
    }

    private static Optional<Instant> instant(String text, String field) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "usage.cachedAnswers." + field + ": must be an ISO-8601 instant, got " + text);
        }
    }
}
