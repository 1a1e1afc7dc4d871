package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachedAnswersTests {

    private static final Instant NOV_2 = Instant.parse("2026-11-02T08:00:00Z");
    private static final Instant NOV_5 = Instant.parse("2026-11-05T17:30:00Z");
    private static final Instant TODAY = NOV_2.plus(Duration.ofDays(35)).plus(Duration.ofHours(3));

    @Test
    void saysFromWhenToWhenAndHowOldTheOldestIs() {
        CachedAnswers answers = CachedAnswers.NONE
                .plus(Optional.of(NOV_5), false)
                .plus(Optional.of(NOV_2), false)
                .plus(Optional.of(NOV_5.minusSeconds(60)), false);

        assertThat(answers).isEqualTo(new CachedAnswers(3, Optional.of(NOV_2), Optional.of(NOV_5), 0, 0));
        assertThat(answers.describe(TODAY)).isEqualTo(", written 2026-11-02 to 2026-11-05 (oldest 35 days ago)");
    }

    @Test
    void oneDayIsNamedOnceAndUndatedAndOverAgeAnswersAreCounted() {
        CachedAnswers answers = CachedAnswers.NONE
                .plus(Optional.of(NOV_5), true)
                .plus(Optional.empty(), true)
                // A snapshot that knows no dates, as a report written before they were recorded reads, adds nothing.
                .plus(UsageSnapshot.NONE.cachedAnswers());

        assertThat(answers.describe(NOV_5.plus(Duration.ofHours(5))))
                .isEqualTo(", written 2026-11-05 (5 hours ago), 1 without a write time (recorded by an earlier rpt),"
                        + " 2 older than rpt.cache.max-age");
        assertThat(CachedAnswers.NONE.describe(TODAY)).isEmpty();
        assertThat(CachedAnswers.ago(Duration.ofMinutes(20))).isEqualTo("less than an hour ago");
        assertThat(CachedAnswers.ago(Duration.ofHours(25))).isEqualTo("1 day ago");
    }
}
