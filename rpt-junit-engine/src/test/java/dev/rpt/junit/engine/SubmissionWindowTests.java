package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rpt.junit.engine.fixtures.SubmissionWindowTestCase;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Model calls run at most {@code rpt.cases-ahead} cases ahead of the assertions: answers that arrive faster than the
 * assertions run do not pile up in memory, yet every case is answered.
 */
class SubmissionWindowTests {

    private static final int CASES = 300;

    private static final Pattern QUESTION = Pattern.compile("What is (\\d+) plus 1\\?");

    @TempDir
    Path reportDir;

    @Test
    void callsRunAtMostTheWindowAheadOfTheAssertionsAndEveryCaseIsAnswered() throws Exception {
        SubmissionWindowTestCase.ASSERTED.set(0);
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger furthestAhead = new AtomicInteger();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    int ahead = requests.incrementAndGet() - SubmissionWindowTestCase.ASSERTED.get();
                    furthestAhead.accumulateAndGet(ahead, Math::max);
                    Matcher question = QUESTION.matcher(request.getBody().utf8());
                    String answer = question.find() ? String.valueOf(Long.parseLong(question.group(1)) + 1) : "?";
                    return new MockResponse.Builder()
                            .addHeader("content-type", "application/json")
                            .body(
                                    "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                                            + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
                                            + "\"{\\\"answer\\\":\\\"" + answer + "\\\",\\\"confidence\\\":0.9,"
                                            + "\\\"justification\\\":\\\"x\\\"}\"}}],\"usage\":{\"prompt_tokens\":5,"
                                            + "\"completion_tokens\":1,\"total_tokens\":6}}")
                            .build();
                }
            });
            server.start();

            EngineExecutionResults results = EngineTestKit.engine("rpt")
                    .configurationParameters(Map.of(
                            "rpt.provider", "openai",
                            "rpt.model", "gpt-4.1-mini",
                            "rpt.base-url", server.url("/v1").toString(),
                            "rpt.api-key-env", "none",
                            "rpt.concurrency", "16",
                            "rpt.cache", "off",
                            "rpt.cases-ahead", "50",
                            "rpt.report.dir", reportDir.toString()))
                    .selectors(selectClass(SubmissionWindowTestCase.class))
                    .execute();

            assertThat(results.testEvents().succeeded().count()).isEqualTo(CASES);
            assertThat(requests.get()).isEqualTo(CASES);
            assertThat(furthestAhead.get())
                    .as("calls never run more than the window (and the case being asserted) ahead of the assertions")
                    .isLessThanOrEqualTo(50 + 1);
        }
    }
}
