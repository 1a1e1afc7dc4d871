package dev.rpt.core.model.runtime;

import java.time.Instant;
import java.util.Optional;

/** Where the caching models report each answer they serve from the cache, for {@link CachedAnswers}. */
@FunctionalInterface
interface ServedFromCache {

    /** Reports nothing, e.g. in a test of the cache alone. */
    ServedFromCache NOWHERE = (writtenAt, overMaxAge) -> {};

    /**
     * @param writtenAt when the served entry was written; empty for an entry of an earlier rpt
     * @param overMaxAge whether it is older than {@code rpt.cache.max-age} (served all the same under replay-only)
     */
    void served(Optional<Instant> writtenAt, boolean overMaxAge);
}
