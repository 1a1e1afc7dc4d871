package dev.rpt.core.model.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;

/**
 * Bounds how many model calls are in flight at once ({@link RptConstants#CONCURRENCY}). One instance is shared by
 * every model that uses it, so the target, the critic and the optimizer together stay within the bound. Waiting
 * callers get permits in about arrival order (a fair lock), so no case starves behind later ones.
 *
 * <p>With {@code rpt.concurrency=auto} the bound adapts, additive increase and multiplicative decrease as TCP does:
 * each call that succeeds raises it by {@code 1/limit} (one more per limit's worth of successes), and a throttled
 * attempt (429, or 503/529 overload) cuts it to {@value #DECREASE} of itself, once per round: throttles of calls that
 * started before the last cut are the same overload and do not cut again. It stays within {@code [1, rpt.concurrency.max]}. One adaptive limit
 * serves each endpoint (provider and base URL) in a JVM, whichever role calls it.
 */
@API(status = INTERNAL, since = "0.1")
public final class ConcurrencyLimiter {

    /** Default of {@link RptConstants#CONCURRENCY}, and where an adaptive limit starts. */
    public static final int DEFAULT_LIMIT = 8;
    /** The smallest allowed limit. */
    public static final int MIN_LIMIT = 1;
    /** The largest allowed limit; the shared OkHttp dispatcher allows this many requests. */
    public static final int MAX_LIMIT = 1024;
    /** Default of {@link RptConstants#CONCURRENCY_MAX}, the upper bound of an adaptive limit. */
    public static final int DEFAULT_AUTO_MAX = 64;
    /** The value of {@code rpt.concurrency} that makes the limit adaptive. */
    public static final String AUTO = "auto";

    /**
     * What a throttle multiplies an adaptive limit by. Halving, as TCP does, left a provider that allows 16 at 10.8
     * in flight on average in the benchmark (docs/performance.md); 0.75 keeps closer to the provider's limit.
     */
    static final double DECREASE = 0.75;

    private static final Map<String, ConcurrencyLimiter> ADAPTIVE_BY_ENDPOINT = new ConcurrentHashMap<>();

    private final boolean adaptive;
    private final int max;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition free = lock.newCondition();
    private final ThreadLocal<Permit> current = new ThreadLocal<>();
    private double limit;
    private int inFlight;
    private int waiting;
    private long lastCut = Long.MIN_VALUE;
    private long throttled;
    private long cuts;

    /** A fixed limiter with the given number of permits, in {@code [1, 1024]}. */
    public ConcurrencyLimiter(int limit) {
        this(false, limit, limit);
    }

    private ConcurrencyLimiter(boolean adaptive, int initial, int max) {
        if (max < MIN_LIMIT || max > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT + ", got " + max);
        }
        this.adaptive = adaptive;
        this.max = max;
        this.limit = Math.max(MIN_LIMIT, Math.min(initial, max));
    }

    /** An adaptive limiter that starts at {@code initial} and never exceeds {@code max}. */
    public static ConcurrencyLimiter adaptive(int initial, int max) {
        return new ConcurrencyLimiter(true, initial, max);
    }

    /**
     * The limiter {@link RptConstants#CONCURRENCY} asks for: a fixed one (8 when unset), or with {@code auto} the
     * adaptive one of the configuration's endpoint, shared by every model of this JVM that calls it.
     *
     * @throws ConfigException naming the key when the value is neither {@code auto} nor an integer in [1, 1024]
     */
    public static ConcurrencyLimiter from(RptConfig config) {
        Optional<String> value = config.string(RptConstants.CONCURRENCY);
        if (value.isPresent() && value.get().strip().toLowerCase(Locale.ROOT).equals(AUTO)) {
            int max = config.integer(RptConstants.CONCURRENCY_MAX, MIN_LIMIT, MAX_LIMIT)
                    .orElse(DEFAULT_AUTO_MAX);
            String endpoint = config.string(RptConstants.PROVIDER).orElse("") + " "
                    + config.string(RptConstants.BASE_URL).orElse("default") + " max " + max;
            return ADAPTIVE_BY_ENDPOINT.computeIfAbsent(endpoint, key -> adaptive(Math.min(DEFAULT_LIMIT, max), max));
        }
        try {
            return new ConcurrencyLimiter(config.integer(RptConstants.CONCURRENCY, MIN_LIMIT, MAX_LIMIT)
                    .orElse(DEFAULT_LIMIT));
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + " Or set " + RptConstants.CONCURRENCY + "=" + AUTO
                    + " to let rpt find the limit the provider allows.");
        }
    }

    /** The most calls this limiter ever allows in flight at once: the fixed limit, or an adaptive limit's bound. */
    public int limit() {
        return max;
    }

    /** The calls allowed in flight now: the fixed limit, or where an adaptive limit stands. */
    public int currentLimit() {
        lock.lock();
        try {
            return (int) Math.floor(limit);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the limit adapts to throttling ({@code rpt.concurrency=auto}). */
    public boolean adaptive() {
        return adaptive;
    }

    /** How many calls hold a permit now. */
    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** About how many calls wait for a permit now; for progress reporting. */
    public int waiting() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    /** The throttled attempts seen so far, and how many of them cut an adaptive limit. */
    public String throttleSummary() {
        lock.lock();
        try {
            return throttled + " throttled " + (throttled == 1 ? "attempt" : "attempts") + ", " + cuts
                    + (cuts == 1 ? " cut" : " cuts");
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until a permit is free; release it by closing the returned permit. */
    Permit acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            waiting++;
            try {
                while (inFlight >= Math.floor(limit)) {
                    free.await();
                }
            } finally {
                waiting--;
            }
            inFlight++;
            Permit permit = new Permit(System.nanoTime());
            current.set(permit);
            return permit;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A throttled attempt of the call the current thread makes ({@link RetryingChatModel} reports each one): an
     * adaptive limit is cut, unless a cut already followed that call's start.
     */
    void throttled() {
        Permit permit = current.get();
        lock.lock();
        try {
            throttled++;
            if (adaptive && permit != null && permit.started > lastCut) {
                limit = Math.max(MIN_LIMIT, limit * DECREASE);
                lastCut = System.nanoTime();
                cuts++;
            }
        } finally {
            lock.unlock();
        }
    }

    private void release(Permit permit, boolean succeeded) {
        current.remove();
        lock.lock();
        try {
            inFlight--;
            int before = (int) Math.floor(limit);
            if (adaptive && succeeded) {
                limit = Math.min(max, limit + 1 / limit);
            }
            if ((int) Math.floor(limit) > before) {
                free.signalAll();
            } else {
                free.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A held permit; closing it more than once releases it once. */
    final class Permit implements AutoCloseable {
        private final long started;
        private boolean succeeded;
        private boolean released;

        private Permit(long started) {
            this.started = started;
        }

        /** The call answered: an adaptive limit may grow when the permit is released. */
        void succeeded() {
            succeeded = true;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                release(this, succeeded);
            }
        }
    }
}
