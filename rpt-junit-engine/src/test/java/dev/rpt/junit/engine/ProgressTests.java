package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTests {

    @Test
    void quietForShortRunsThenOneLineEveryFewSecondsCountingTheWholeRun() {
        AtomicLong now = new AtomicLong();
        List<String> lines = new ArrayList<>();
        Progress progress = new Progress(lines::add, 1_000, now::get);

        for (int i = 0; i < 10; i++) {
            now.addAndGet(400_000_000L);
            progress.caseDone();
        }
        assertThat(lines).as("4 s: still quiet").isEmpty();

        now.addAndGet(1_000_000_000L);
        progress.caseDone();
        now.addAndGet(1_000_000_000L);
        progress.caseDone();

        assertThat(lines).containsExactly("[rpt] 11 of 1,000 cases, 5.0 s");
    }
}
