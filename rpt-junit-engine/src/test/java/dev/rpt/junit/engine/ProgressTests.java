package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTests {

    @Test
    void quietForShortRunsThenOneLineEveryFewSeconds() {
        AtomicLong now = new AtomicLong();
        List<String> lines = new ArrayList<>();
        Progress progress = new Progress(lines::add, now::get);

        for (int i = 0; i < 10; i++) {
            now.addAndGet(400_000_000L);
            progress.caseDone(90 - i);
        }
        assertThat(lines).as("4 s: still quiet").isEmpty();

        now.addAndGet(1_000_000_000L);
        progress.caseDone(80);
        now.addAndGet(1_000_000_000L);
        progress.caseDone(79);

        assertThat(lines).containsExactly("[rpt] 11 cases done, 80 to go; 5.0 s");
    }
}
