package dev.rpt.core.model.runtime;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A clock and a sleeper for tests: sleeping records the wait and moves the clock on, without waiting. */
final class FakeTime implements InstantSource, Sleeper {

    private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }
}
