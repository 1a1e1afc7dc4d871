package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.AuthenticationException;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.MalformedResponseException;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ModelTimeoutException;
import dev.rpt.core.model.QuotaExceededException;
import dev.rpt.core.model.RateLimitedException;
import dev.rpt.core.model.ReplayMissException;
import dev.rpt.core.model.ServerErrorException;
import dev.rpt.core.model.TransportException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RetryingChatModelTests {

    private static final ChatRequest REQUEST = ChatRequest.builder().user("hi").build();
    private static final ChatResponse OK = ScriptedChatModel.reply("ok", 3, 1);

    private final FakeTime time = new FakeTime();
    private final ScriptedChatModel model = new ScriptedChatModel();

    private RetryingChatModel retrying(RetryPolicy policy, double random) {
        return new RetryingChatModel(model, policy, time, time, new FixedRandom(random));
    }

    private static RetryPolicy policy(int attempts, long initialMs, long maxBackoffMs, double jitter, long maxWaitMs) {
        return new RetryPolicy(
                attempts,
                Duration.ofMillis(initialMs),
                2.0,
                Duration.ofMillis(maxBackoffMs),
                jitter,
                Duration.ofMillis(maxWaitMs));
    }

    private static ServerErrorException serverError(int status) {
        return new ServerErrorException(status, "HTTP " + status + " from the provider", null);
    }

    @Test
    void retriesRetryableErrorsAndReturnsTheReply() {
        model.thenFail(new RateLimitedException("429", null))
                .thenFail(serverError(503))
                .thenFail(new ModelTimeoutException("timed out", new SocketTimeoutException()))
                .thenFail(new TransportException("connection reset", new IOException("reset")))
                .thenReply(OK);

        ChatResponse response = retrying(RetryPolicy.defaults(), 0).chat(REQUEST);

        assertThat(response).isSameAs(OK);
        assertThat(model.calls()).isEqualTo(5);
        assertThat(time.sleeps())
                .containsExactly(
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void backoffDoublesUpToTheSingleWaitCap() {
        for (int i = 0; i < 5; i++) {
            model.thenFail(serverError(500));
        }
        model.thenReply(OK);

        retrying(policy(6, 1000, 5000, 0.2, 3_600_000), 0).chat(REQUEST);

        assertThat(time.sleeps())
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5));
    }

    @Test
    void jitterShortensEachWaitByItsShareOfTheRandomDraw() {
        model.thenFail(serverError(500)).thenFail(serverError(500)).thenReply(OK);

        retrying(policy(3, 1000, 30_000, 0.2, 60_000), 0.5).chat(REQUEST);

        // 20% jitter at a draw of 0.5 takes 10% off each wait.
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(900), Duration.ofMillis(1800));
    }

    @Test
    void honoursRetryAfterWhenItIsLongerThanTheBackoff() {
        model.thenFail(new RateLimitedException("429", Duration.ofSeconds(7)))
                .thenFail(new RateLimitedException("429", Duration.ofMillis(100)))
                .thenFail(new ServerErrorException(529, "overloaded", Duration.ofSeconds(3)))
                .thenReply(OK);

        retrying(RetryPolicy.defaults(), 0).chat(REQUEST);

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    static Stream<ModelException> notRetryable() {
        return Stream.of(
                new BadRequestException(400, "bad schema"),
                new AuthenticationException(401, "invalid key"),
                new QuotaExceededException("insufficient_quota"),
                new MalformedResponseException("not JSON", "<html>", null),
                new ReplayMissException("no entry"));
    }

    @ParameterizedTest
    @MethodSource("notRetryable")
    void neverRetriesErrorsThatCannotSucceedOnASecondTry(ModelException error) {
        model.thenFail(error).thenReply(OK);

        assertThatThrownBy(() -> retrying(RetryPolicy.defaults(), 0).chat(REQUEST))
                .isSameAs(error);
        assertThat(model.calls()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aNonRetryableErrorAfterRetriesCarriesTheEarlierOnes() {
        ServerErrorException first = serverError(503);
        BadRequestException second = new BadRequestException(400, "context length exceeded");
        model.thenFail(first).thenFail(second);

        assertThatThrownBy(() -> retrying(RetryPolicy.defaults(), 0).chat(REQUEST))
                .isSameAs(second)
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(first));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastErrorAndWhatWasTried() {
        ServerErrorException first = serverError(500);
        ServerErrorException second = serverError(502);
        model.thenFail(first).thenFail(second).thenFail(serverError(503)).thenReply(OK);
        model.onCall(() -> time.advance(Duration.ofMillis(100)));

        ServerErrorException thrown = catchThrowableOfType(
                ServerErrorException.class,
                () -> retrying(policy(3, 1000, 30_000, 0.2, 120_000), 0).chat(REQUEST));

        assertThat(model.calls()).isEqualTo(3);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(thrown.status()).isEqualTo(503);
        assertThat(thrown.getMessage())
                .startsWith("HTTP 503 from the provider [")
                .contains("gave up after 3 attempts", "waited 3s between them", "(3.3s in all)")
                .contains("rpt.retry.max-attempts");
        assertThat(thrown.getSuppressed()).containsExactly(first, second);
    }

    @Test
    void stopsBeforeAWaitThatWouldPassTheTotalWaitCap() {
        for (int i = 0; i < 4; i++) {
            model.thenFail(new TransportException("connection reset", new IOException("reset by peer")));
        }

        TransportException thrown = catchThrowableOfType(
                TransportException.class,
                () -> retrying(policy(10, 1000, 30_000, 0, 5000), 0).chat(REQUEST));

        // Waits of 1s and 2s fit in 5s; the next one, 4s, would not.
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(model.calls()).isEqualTo(3);
        assertThat(thrown.getMessage())
                .contains("gave up after 3 attempts", "waited 3s")
                .contains("the next wait of 4s would pass the total wait cap of 5s (rpt.retry.max-wait)");
        assertThat(thrown.getCause()).isInstanceOf(IOException.class).hasMessage("reset by peer");
        assertThat(thrown.getSuppressed()).hasSize(2);
    }

    @Test
    void aRetryAfterBeyondTheTotalCapFailsAtOnceAndKeepsTheRequestedDelay() {
        model.thenFail(new RateLimitedException("429 slow down", Duration.ofMinutes(10)));

        RateLimitedException thrown = catchThrowableOfType(
                RateLimitedException.class,
                () -> retrying(RetryPolicy.defaults(), 0).chat(REQUEST));

        assertThat(time.sleeps()).isEmpty();
        assertThat(thrown.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(thrown.getMessage()).contains("gave up after 1 attempt,", "the next wait of 600s", "cap of 120s");
    }

    @Test
    void anInterruptStopsRetryingAndKeepsTheFlag() {
        ServerErrorException error = serverError(503);
        model.thenFail(error).thenReply(OK);
        InterruptedException interrupt = new InterruptedException("stop");
        RetryingChatModel retrying = new RetryingChatModel(
                model,
                RetryPolicy.defaults(),
                duration -> {
                    throw interrupt;
                },
                time,
                new FixedRandom(0));

        try {
            assertThatThrownBy(() -> retrying.chat(REQUEST))
                    .isInstanceOf(ServerErrorException.class)
                    .hasMessageContaining("interrupted while waiting to retry")
                    .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(interrupt));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(model.calls()).isEqualTo(1);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void passesInfoAndCloseThrough() {
        RetryingChatModel retrying = retrying(RetryPolicy.defaults(), 0);

        retrying.close();

        assertThat(retrying.info()).isEqualTo(model.info());
        assertThat(model.closed()).isTrue();
        assertThat(model.calls()).isZero();
    }
}
