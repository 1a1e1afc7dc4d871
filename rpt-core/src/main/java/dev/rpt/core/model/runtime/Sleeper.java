package dev.rpt.core.model.runtime;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/** Waits between retries. Injected so that tests record the waits instead of waiting. */
@FunctionalInterface
@API(status = INTERNAL, since = "0.1")
public interface Sleeper {

    /**
     * Blocks the calling thread for the given time.
     *
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /** The sleeper that really waits, with {@link Thread#sleep}. */
    static Sleeper system() {
        return duration -> TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    }
}
