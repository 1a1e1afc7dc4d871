package dev.rpt.core.model.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * When the answers a run took from the response cache were recorded: a run that passed on replies from last month
 * says so, instead of passing for a run against today's model.
 *
 * @param count the answers served from the cache
 * @param oldest the write time of the oldest of them that has one
 * @param newest the write time of the newest of them that has one
 * @param undated those from entries an earlier rpt wrote, without a write time
 * @param overMaxAge those older than {@code rpt.cache.max-age}, served all the same because {@code
 *     rpt.cache=replay-only} never calls the model (undated ones included)
 */
@API(status = INTERNAL, since = "0.1")
public record CachedAnswers(
        long count, Optional<Instant> oldest, Optional<Instant> newest, long undated, long overMaxAge) {

    /** No answer from the cache. */
    public static final CachedAnswers NONE = new CachedAnswers(0, Optional.empty(), Optional.empty(), 0, 0);

    public CachedAnswers {
        Objects.requireNonNull(oldest, "oldest");
        Objects.requireNonNull(newest, "newest");
        if (count < 0 || undated < 0 || overMaxAge < 0 || undated > count || overMaxAge > count) {
            throw new IllegalArgumentException("counts must be within 0.." + count);
        }
        if (oldest.isPresent() != newest.isPresent() || oldest.isPresent() != (undated < count)) {
            throw new IllegalArgumentException("oldest and newest are known exactly when some answer is dated");
        }
    }

    /** These answers and one more, written at {@code writtenAt} (empty: unknown). */
    CachedAnswers plus(Optional<Instant> writtenAt, boolean overMaxAge) {
        return plus(new CachedAnswers(1, writtenAt, writtenAt, writtenAt.isPresent() ? 0 : 1, overMaxAge ? 1 : 0));
    }

    /** The answers of two runs or models together. */
    public CachedAnswers plus(CachedAnswers other) {
        return new CachedAnswers(
                count + other.count,
                earlier(oldest, other.oldest),
                later(newest, other.newest),
                undated + other.undated,
                overMaxAge + other.overMaxAge);
    }

    /**
     * When they were written, for the usage line after "184 cached": {@code , written 2026-11-02 to 2026-11-05 (oldest
     * 35 days ago)}, with the undated and over-age counts when there are any; empty when no answer came from the cache.
     */
    public String describe(Instant now) {
        if (count == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        if (oldest.isPresent()) {
            LocalDate from = LocalDate.ofInstant(oldest.get(), ZoneOffset.UTC);
            LocalDate to = LocalDate.ofInstant(newest.get(), ZoneOffset.UTC);
            text.append(", written ").append(from);
            if (!to.equals(from)) {
                text.append(" to ").append(to).append(" (oldest ");
            } else {
                text.append(" (");
            }
            text.append(ago(Duration.between(oldest.get(), now))).append(')');
        }
        if (undated > 0) {
            text.append(", ")
                    .append(undated == count ? "all" : undated)
                    .append(" without a write time (recorded by an earlier rpt)");
        }
        if (overMaxAge > 0) {
            text.append(", ").append(overMaxAge).append(" older than rpt.cache.max-age");
        }
        return text.toString();
    }

    static String ago(Duration age) {
        if (age.toDays() >= 1) {
            return age.toDays() + (age.toDays() == 1 ? " day ago" : " days ago");
        }
        if (age.toHours() >= 1) {
            return age.toHours() + (age.toHours() == 1 ? " hour ago" : " hours ago");
        }
        return "less than an hour ago";
    }

    private static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
        return a.isEmpty() ? b : b.isEmpty() || a.get().isBefore(b.get()) ? a : b;
    }

    private static Optional<Instant> later(Optional<Instant> a, Optional<Instant> b) {
        return a.isEmpty() ? b : b.isEmpty() || a.get().isAfter(b.get()) ? a : b;
    }
}
