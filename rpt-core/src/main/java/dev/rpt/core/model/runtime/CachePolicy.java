package dev.rpt.core.model.runtime;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Which cache entries a run serves: {@link RptConstants#CACHE} with {@link RptConstants#CACHE_MAX_AGE}.
 *
 * <p>An entry written before entries stated their write time counts as older than any limit. Its file's modification
 * time is no substitute: a git checkout, {@code cp} and a restored CI cache all set it to the day of the copy, so a
 * year-old recording would pass for fresh exactly where a limit matters. Under a limit such an entry is fetched
 * again once, and from then on carries its time.
 *
 * @param mode how the cache is used
 * @param maxAge the age beyond which an entry counts as missing; empty when unset, and then no entry is too old
 * @param clock what "now" is
 * @param runStart when the run began, to whole seconds as entries state it: under {@code refresh}, an entry written
 *     since then is this run's own reply and is served, so that a request the run makes twice is asked once
 */
record CachePolicy(CacheMode mode, Optional<Duration> maxAge, InstantSource clock, Instant runStart) {

    /** What {@link RptConstants#CACHE_MAX_AGE} expects, for its error. */
    static final String EXPECTED_AGE = "an age such as 12h, 7d or P7D; unset it to serve cache entries of any age";

    CachePolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(runStart, "runStart");
    }

    /** A mode with an optional age limit, for a run that begins now. */
    static CachePolicy of(CacheMode mode, Optional<Duration> maxAge, InstantSource clock) {
        return new CachePolicy(mode, maxAge, clock, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    /** A mode without an age limit. */
    static CachePolicy of(CacheMode mode) {
        return of(mode, Optional.empty(), InstantSource.system());
    }

    /**
     * Reads {@link RptConstants#CACHE} and {@link RptConstants#CACHE_MAX_AGE}.
     *
     * @throws dev.rpt.core.config.ConfigException naming the key and the form it takes
     */
    static CachePolicy from(RptConfig config, InstantSource clock) {
        return of(CacheMode.from(config), config.duration(RptConstants.CACHE_MAX_AGE, EXPECTED_AGE), clock);
    }

    /** Whether an entry written at {@code writtenAt} (empty: at an unknown time) is beyond the age limit. */
    boolean tooOld(Optional<Instant> writtenAt) {
        if (maxAge.isEmpty()) {
            return false;
        }
        return writtenAt.isEmpty() || writtenAt.get().plus(maxAge.get()).isBefore(clock.instant());
    }

    /**
     * Whether an entry is served rather than asked for again: always under {@code replay-only} (a committed cache
     * must keep replaying; its age is only reported), under {@code refresh} when this run wrote it or a limit says
     * it is fresh, else when it is within the limit.
     */
    boolean serves(Optional<Instant> writtenAt) {
        return switch (mode) {
            case REPLAY_ONLY -> true;
            case REFRESH ->
                writtenAt.filter(time -> !time.isBefore(runStart)).isPresent()
                        || maxAge.isPresent() && !tooOld(writtenAt);
            default -> !tooOld(writtenAt);
        };
    }

    /** Whether every entry is served as it is, so that a look at whether one exists tells all. */
    boolean servesAnyEntry() {
        return mode != CacheMode.REFRESH && maxAge.isEmpty();
    }
}
