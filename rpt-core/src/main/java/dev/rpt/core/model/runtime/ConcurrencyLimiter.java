package dev.rpt.core.model.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.util.concurrent.Semaphore;
import org.apiguardian.api.API;

/**
 * Bounds how many model calls of a run are in flight at once ({@link RptConstants#CONCURRENCY}). One instance is
 * shared by every model of a run, so the target, the critic and the optimizer together stay within the bound. The
 * semaphore is fair: callers get permits in arrival order, so no case starves behind later ones.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConcurrencyLimiter {

    /** Default of {@link RptConstants#CONCURRENCY}. */
    public static final int DEFAULT_LIMIT = 8;
    /** The smallest allowed limit. */
    public static final int MIN_LIMIT = 1;
    /** The largest allowed limit; the shared OkHttp dispatcher allows this many requests. */
    public static final int MAX_LIMIT = 1024;

    private final int limit;
    private final Semaphore permits;

    /** A limiter with the given number of permits, in {@code [1, 1024]}. */
    public ConcurrencyLimiter(int limit) {
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT + ", got " + limit);
        }
        this.limit = limit;
        this.permits = new Semaphore(limit, true);
    }

    /**
     * A limiter sized by {@link RptConstants#CONCURRENCY}, 8 when unset.
     *
     * @throws dev.rpt.core.config.ConfigException naming the key when the value is not an integer in [1, 1024]
     */
    public static ConcurrencyLimiter from(RptConfig config) {
        return new ConcurrencyLimiter(
                config.integer(RptConstants.CONCURRENCY, MIN_LIMIT, MAX_LIMIT).orElse(DEFAULT_LIMIT));
    }

    /** The number of calls allowed in flight at once. */
    public int limit() {
        return limit;
    }

    /** How many calls hold a permit now. */
    public int inFlight() {
        return limit - permits.availablePermits();
    }

    /** About how many calls wait for a permit now; for progress reporting. */
    public int waiting() {
        return permits.getQueueLength();
    }

    /** Blocks until a permit is free; release it by closing the returned permit. */
    Permit acquire() throws InterruptedException {
        permits.acquire();
        return new Permit(permits);
    }

    /** A held permit; closing it more than once releases it once. */
    static final class Permit implements AutoCloseable {
        private final Semaphore permits;
        private boolean released;

        private Permit(Semaphore permits) {
            this.permits = permits;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                permits.release();
            }
        }
    }
}
