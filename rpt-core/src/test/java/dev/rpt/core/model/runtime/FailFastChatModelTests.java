package dev.rpt.core.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.AuthenticationException;
import dev.rpt.core.model.BadRequestException;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.ModelException;
import dev.rpt.core.model.ProviderStoppedException;
import dev.rpt.core.model.QuotaExceededException;
import dev.rpt.core.model.ServerErrorException;
import dev.rpt.core.model.TransportException;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FailFastChatModelTests {

    private static final ChatRequest REQUEST = ChatRequest.builder().user("hi").build();
    private static final ChatResponse OK = ScriptedChatModel.reply("ok", 3, 1);

    private final ScriptedChatModel model = new ScriptedChatModel();
    private final FailFastChatModel failFast = new FailFastChatModel(model);

    static Stream<ModelException> errorsEveryCallWouldRepeat() {
        return Stream.of(
                new AuthenticationException(401, "HTTP 401: invalid API key"),
                new AuthenticationException(403, "HTTP 403: forbidden"),
                new BadRequestException(404, "The model `gpt-9` does not exist"),
                new QuotaExceededException("HTTP 429 insufficient_quota"));
    }

    @ParameterizedTest
    @MethodSource("errorsEveryCallWouldRepeat")
    void stopsAfterTheFirstErrorThatEveryCallWouldRepeat(ModelException fatal) {
        model.thenFail(fatal).otherwise(request -> OK);

        assertThatThrownBy(() -> failFast.chat(REQUEST)).isSameAs(fatal);
        ProviderStoppedException stopped =
                catchThrowableOfType(ProviderStoppedException.class, () -> failFast.chat(REQUEST));

        assertThat(model.calls())
                .as("the second call never reached the provider")
                .isEqualTo(1);
        assertThat(stopped.firstError()).isSameAs(fatal);
        assertThat(stopped.retryable()).isFalse();
        assertThat(stopped.getMessage())
                .startsWith("Not sent: rpt stopped calling ")
                .contains("an error that every call would repeat")
                .endsWith("The first error: " + fatal.getMessage());
        assertThat(failFast.stoppedBy()).contains(fatal);
    }

    @Test
    void namesTheFixForEachKindOfStop() {
        assertThat(FailFastChatModel.fix(new AuthenticationException(401, "x"))).contains("rpt.api-key-env");
        assertThat(FailFastChatModel.fix(new QuotaExceededException("x"))).contains("add credit");
        assertThat(FailFastChatModel.fix(new BadRequestException(404, "x"))).contains("rpt.model", "rpt.base-url");
        assertThat(FailFastChatModel.fix(new TransportException("x", new IOException())))
                .contains("rpt.base-url", "is running");
    }

    @Test
    void aRequestTheServerRejectsDoesNotStopTheOthers() {
        model.thenFail(new BadRequestException(400, "max_tokens is too large"))
                .thenFail(new ServerErrorException(500, "HTTP 500", null))
                .otherwise(request -> OK);

        assertThatThrownBy(() -> failFast.chat(REQUEST)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> failFast.chat(REQUEST)).isInstanceOf(ServerErrorException.class);
        assertThat(failFast.chat(REQUEST)).isSameAs(OK);
        assertThat(failFast.stoppedBy()).isEmpty();
    }

    @Test
    void stopsAfterThreeConnectionFailuresInARow() {
        for (int i = 0; i < FailFastChatModel.CONNECTION_FAILURES_IN_A_ROW; i++) {
            model.thenFail(new TransportException("Connection refused", new IOException("refused")));
        }
        model.otherwise(request -> OK);

        for (int i = 0; i < FailFastChatModel.CONNECTION_FAILURES_IN_A_ROW; i++) {
            assertThatThrownBy(() -> failFast.chat(REQUEST)).isInstanceOf(TransportException.class);
        }
        assertThatThrownBy(() -> failFast.chat(REQUEST))
                .isInstanceOf(ProviderStoppedException.class)
                .hasMessageContaining("after 3 connection failures in a row")
                .hasMessageContaining("Connection refused");
        assertThat(model.calls()).isEqualTo(3);
    }

    @Test
    void aReplyBetweenConnectionFailuresKeepsTheProviderInUse() {
        model.thenFail(new TransportException("reset", new IOException()))
                .thenFail(new TransportException("reset", new IOException()))
                .thenReply(OK)
                .thenFail(new TransportException("reset", new IOException()))
                .thenFail(new TransportException("reset", new IOException()))
                .otherwise(request -> OK);

        for (int call = 0; call < 5; call++) {
            try {
                failFast.chat(REQUEST);
            } catch (TransportException expected) {
                // two, a reply, two: never three in a row
            }
        }

        assertThat(failFast.chat(REQUEST)).isSameAs(OK);
        assertThat(failFast.stoppedBy()).isEmpty();
    }
}
