package dev.rpt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class UsageTests {

    @Test
    void sumsEveryCountIncludingCachedAndReasoningTokens() {
        Usage first = new Usage(100, 40, 140).withDetails(60, 25);
        Usage second = Usage.of(10, 5);

        assertThat(first.plus(second)).isEqualTo(new Usage(110, 45, 155, 60, 25));
        assertThat(Usage.ZERO.plus(second)).isEqualTo(second);
    }

    @Test
    void aNegativeCountIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Usage(1, 1, 2, -1, 0));
    }
}
