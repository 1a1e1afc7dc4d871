package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rpt.junit.engine.fixtures.LabelledSupportReplyTestCase;
import dev.rpt.junit.engine.fixtures.MetRateSupportReplyTestCase;
import dev.rpt.junit.engine.fixtures.PartlyLabelledSupportReplyTestCase;
import dev.rpt.junit.engine.fixtures.StaleVerdictsTestCase;
import dev.rpt.junit.engine.fixtures.SupportReplyTestCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code @Criterion} tests: the judge grades every criterion of every case while the run goes, the test asserts on
 * the verdicts, the report keeps them, and the judge is metered, cached and announced apart from the target.
 */
class JudgedCriteriaTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reportDir;

    @TempDir
    Path cacheDir;

    @Test
    void everyCriterionOfEveryCaseIsJudgedAndTheTestAssertsOnTheVerdicts() throws IOException {
        var captured = StdOut.capture(() -> run(Map.of()));
        EngineExecutionResults results = captured.value();

        assertThat(results.testEvents().started().count()).isEqualTo(6);
        assertThat(results.testEvents().failed().count())
                .as("the simulator drops the last word of a wrong reply, the amount or the apology")
                .isPositive();
        for (Event failed : results.testEvents().failed().list()) {
            assertThat(message(failed))
                    .containsPattern("criterion '(apologises|mentions-amount)' is not met: the judge gave it 0\\.\\d+,"
                            + " below 0\\.50, because The answer lacks \"(sorry|\\$\\d+)\"");
        }
        assertThat(captured.out())
                .contains("[rpt] SIMULATOR: the judge is the offline simulator sim/sim (SIMULATOR)")
                .contains("[rpt] judge sim/sim (SIMULATOR), 12 calls (0 cached, 0 failed)");

        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        assertThat(report.at("/judge/name").asText()).isEqualTo("judge");
        assertThat(report.at("/judge/simulated").asBoolean()).isTrue();
        assertThat(report.at("/judge/usage/calls").asInt()).isEqualTo(12);
        assertThat(report.at("/usage/calls").asInt())
                .as("the target's calls alone")
                .isEqualTo(6);
        for (JsonNode c : report.get("cases")) {
            JsonNode judgements = c.get("judgements");
            assertThat(judgements).hasSize(2);
            assertThat(judgements.get(0).get("criterion").asText()).isEqualTo("apologises");
            assertThat(judgements.get(1).get("text").asText())
                    .isEqualTo("Mentions the refund amount \""
                            + c.at("/vars/amount").asText() + "\"");
            boolean allMet = judgements.get(0).get("met").asBoolean()
                    && judgements.get(1).get("met").asBoolean();
            assertThat(c.get("outcome").asText()).isEqualTo(allMet ? "passed" : "failed");
        }
    }

    @Test
    void aVerdictThatCannotBeReadErrorsTheCaseNeverPassesIt() throws IOException {
        try (MockWebServer judge = new MockWebServer()) {
            judge.setDispatcher(replying("The reply looks fine to me."));
            judge.start();

            EngineExecutionResults results = run(judgeAt(judge, "read-write"));

            assertThat(results.testEvents().succeeded().count()).isZero();
            assertThat(results.testEvents().failed().count()).isEqualTo(6);
            assertThat(message(results.testEvents().failed().list().get(0)))
                    .contains("The judge's reply about criterion '")
                    .contains("cannot be read: it is not JSON");
            JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
            for (JsonNode c : report.get("cases")) {
                assertThat(c.get("outcome").asText()).isEqualTo("errored");
            }
        }
    }

    @Test
    void judgeCallsAreCachedSoAReplayNeedsNoJudge() throws IOException {
        List<String> outcomes = new ArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        try (MockWebServer judge = new MockWebServer()) {
            judge.setDispatcher(counting(
                    requests,
                    replying("{\"met\": true, \"probability\": 0.8, \"reason\": \"It apologises and names the"
                            + " amount.\"}")));
            judge.start();
            run(judgeAt(judge, "read-write"));
            JSON.readTree(reportDir.resolve("last-run.json").toFile())
                    .get("cases")
                    .forEach(c -> outcomes.add(c.get("outcome").asText()));
            int recorded = requests.get();

            var replay = StdOut.capture(() -> run(judgeAt(judge, "replay-only")));

            assertThat(recorded).isEqualTo(12);
            assertThat(requests.get()).as("requests during the replay").isEqualTo(recorded);
            assertThat(replay.value().testEvents().succeeded().count()).isEqualTo(6);
            // The usage line says when the cached answers were written; the report says it too.
            assertThat(replay.out())
                    .containsPattern("\\[rpt] judge openai/judge-model, 12 calls \\(12 cached, written"
                            + " \\d{4}-\\d{2}-\\d{2} \\(less than an hour ago\\), 0 failed\\)");
            JsonNode judgeUsage = JSON.readTree(
                            reportDir.resolve("last-run.json").toFile())
                    .get("judge")
                    .get("usage");
            assertThat(judgeUsage.get("cachedAnswers").get("count").asLong()).isEqualTo(12);
            assertThat(judgeUsage.get("cachedAnswers").get("undated").asLong()).isZero();
            assertThat(outcomes).containsOnly("passed");
        }
    }

    @Test
    void theJudgeIsMeasuredAgainstHumanVerdictsAndAJudgeBelowTheKappaBarFailsTheBuild() throws IOException {
        var captured = StdOut.capture(
                () -> run(LabelledSupportReplyTestCase.class, "cases/support-replies-labelled.jsonl", Map.of()));

        JsonNode agreement =
                JSON.readTree(reportDir.resolve("last-run.json").toFile()).at("/classes/0/judgeAgreement");
        assertThat(agreement).hasSize(3);
        Map<String, JsonNode> byCriterion = new HashMap<>();
        agreement.forEach(a -> byCriterion.put(a.get("criterion").asText(), a));
        // The quoted criteria are exact for a keyword judge: it agrees with every human verdict, one "no" each.
        for (String exact : List.of("apologises", "mentions-amount")) {
            assertThat(byCriterion.get(exact).get("n").asInt()).isEqualTo(6);
            assertThat(byCriterion.get(exact).get("kappa").asDouble()).isEqualTo(1.0);
            assertThat(byCriterion.get(exact).at("/agreement/accuracy").asDouble())
                    .isEqualTo(1.0);
        }
        // "Is polite" is prose: the judge finds neither "polite" nor "customer" in any reply, people found all polite.
        JsonNode polite = byCriterion.get("polite");
        assertThat(polite.get("kappa").asDouble()).isZero();
        assertThat(polite.at("/agreement/accuracy").asDouble()).isZero();
        assertThat(polite.at("/calibration/brier").asDouble())
                .isCloseTo(0.9025, org.assertj.core.data.Offset.offset(1e-9));

        Event thresholds = captured.value().testEvents().failed().list().stream()
                .filter(e -> e.getTestDescriptor().getLegacyReportingName().equals("thresholds"))
                .findFirst()
                .orElseThrow();
        assertThat(message(thresholds))
                .contains("judge agreement on 'polite': kappa 0.000 < 0.6 (n 6, agreement 0.000 [")
                .doesNotContain("on 'apologises'")
                .doesNotContain("on 'mentions-amount'");
        assertThat(captured.out())
                .contains("[rpt] judge agreement LabelledSupportReplyTestCase 'apologises': n 6, agreement 1.000 [")
                .contains("kappa 1.000 (95% lower bound -0.119), judge Brier 0.003"); // six answers cannot show a kappa
        // of 1
    }

    @Test
    void theMetRateIsTheJudgesCorrectedByItsMeasuredErrorWhereSomeAnswersAreLabelled() throws IOException {
        var captured = StdOut.capture(() ->
                run(PartlyLabelledSupportReplyTestCase.class, "cases/support-replies-partly-labelled.jsonl", Map.of()));

        // 'polite': the keyword judge never finds it, people always do. On the three labelled answers the judge is
        // off by +1 each time, so the three unlabelled ones are corrected from 0 to 1; three labels cannot make
        // that certain, so the interval is the whole range.
        assertThat(captured.out())
                .contains("[rpt] judge agreement PartlyLabelledSupportReplyTestCase 'polite': n 3,")
                .contains("met: judge 0.000 on 6, corrected with 3 human verdicts 1.000 [0.000, 1.000]");
        JsonNode polite = null;
        for (JsonNode agreement :
                JSON.readTree(reportDir.resolve("last-run.json").toFile()).at("/classes/0/judgeAgreement")) {
            if (agreement.get("criterion").asText().equals("polite")) {
                polite = agreement.get("metRate");
            }
        }
        assertThat(polite).isNotNull();
        assertThat(polite.get("judged").asInt()).isEqualTo(6);
        assertThat(polite.get("labelled").asInt()).isEqualTo(3);
        assertThat(polite.get("judge").asDouble()).isZero();
        assertThat(polite.get("estimate").asDouble()).isEqualTo(1.0);
    }

    @Test
    void minMetRateHoldsOnTheCorrectedRateAndInConfidenceBoundModeOnItsLowerBound() {
        // 'polite': the judge says met on 0 of 6 answers, the people on each of the 3 they labelled; corrected 1.000
        // [0.000, 1.000]. The point estimate reaches 0.5, so the thresholds test passes where the judge's own 0.000
        // would fail it; three labels cannot show it, so the lower bound of the confidence-bound mode does not.
        EngineExecutionResults pointEstimate =
                run(MetRateSupportReplyTestCase.class, "cases/support-replies-partly-labelled.jsonl", Map.of());
        assertThat(thresholdsTest(pointEstimate)
                        .getPayload(TestExecutionResult.class)
                        .orElseThrow()
                        .getStatus())
                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);

        EngineExecutionResults bounded = run(
                MetRateSupportReplyTestCase.class,
                "cases/support-replies-partly-labelled.jsonl",
                Map.of("rpt.check.mode", "confidence-bound"));
        assertThat(message(thresholdsTest(bounded)))
                .contains("met rate of 'polite': corrected 1.000 [0.000, 1.000] (judge 0.000 on 6, 3 human verdicts)")
                .contains("is below @Thresholds(minMetRate = 0.5) (confidence-bound mode: the one-sided 95% lower"
                        + " bound must reach it)");
    }

    private static Event thresholdsTest(EngineExecutionResults results) {
        return results.testEvents().finished().list().stream()
                .filter(e -> e.getTestDescriptor().getLegacyReportingName().equals("thresholds"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void withLogprobsTheVerdictTokenDecidesAndAProviderWithoutThemErrorsTheCases() throws Exception {
        // The simulator's verdict token carries its probability, so both sources agree case by case.
        run(Map.of());
        Map<String, Double> stated = probabilities();
        var logprobs = StdOut.capture(() -> run(Map.of("rpt.judge.probability", "logprobs")));
        assertThat(logprobs.value().testEvents().failed().list())
                .allSatisfy(e -> assertThat(message(e)).contains("is not met"));
        Map<String, Double> fromLogprobs = probabilities();
        assertThat(fromLogprobs).hasSize(12).containsOnlyKeys(stated.keySet());
        stated.forEach((key, probability) -> assertThat(fromLogprobs.get(key))
                .as(key)
                .isCloseTo(probability, org.assertj.core.data.Offset.offset(1e-9)));

        // A server whose replies carry no logprobs: every case errors, naming the fix; none passes.
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(replying("{\"met\": true, \"probability\": 0.9, \"reason\": \"It says sorry.\"}"));
            server.start();
            Map<String, String> config = new HashMap<>(judgeAt(server, "off"));
            config.put("rpt.judge.probability", "logprobs");
            EngineExecutionResults results = run(config);
            assertThat(results.testEvents().succeeded().count()).isZero();
            assertThat(results.testEvents().failed().list())
                    .hasSize(6)
                    .allSatisfy(e -> assertThat(message(e))
                            .contains("came without log-probabilities")
                            .contains("Set rpt.judge.probability=stated"));
            assertThat(server.takeRequest().getBody().utf8()).endsWith("\"logprobs\":true,\"top_logprobs\":5}");
        }
    }

    /** Each judged case's probability per criterion, from the last report. */
    private Map<String, Double> probabilities() throws IOException {
        Map<String, Double> probabilities = new HashMap<>();
        for (JsonNode c :
                JSON.readTree(reportDir.resolve("last-run.json").toFile()).get("cases")) {
            for (JsonNode j : c.path("judgements")) {
                probabilities.put(
                        c.get("id").asText() + "/" + j.get("criterion").asText(),
                        j.get("probability").asDouble());
            }
        }
        return probabilities;
    }

    @Test
    void verdictsGivenOnAnotherAnswerAreStaleAndTheKappaBarSaysToLabelTheNewAnswers() throws IOException {
        var captured =
                StdOut.capture(() -> run(StaleVerdictsTestCase.class, "cases/support-replies-stale.jsonl", Map.of()));

        JsonNode apologises =
                JSON.readTree(reportDir.resolve("last-run.json").toFile()).at("/classes/0/judgeAgreement/0");
        assertThat(apologises.get("criterion").asText()).isEqualTo("apologises");
        assertThat(apologises.get("n").asInt()).isZero();
        assertThat(apologises.get("stale").asInt()).isEqualTo(6);
        assertThat(captured.out())
                .contains("[rpt] judge agreement StaleVerdictsTestCase 'apologises': n 0 (6 stale verdicts left out:"
                        + " the answer changed since it was labelled), agreement n/a");
        Event thresholds = captured.value().testEvents().failed().list().stream()
                .filter(e -> e.getTestDescriptor().getLegacyReportingName().equals("thresholds"))
                .findFirst()
                .orElseThrow();
        assertThat(message(thresholds))
                .contains("judge agreement on 'apologises': all 6 human verdicts are stale (their case's"
                        + " labelled-answer is not the answer judged now), so @Thresholds(minKappa = 0.6) cannot be"
                        + " checked. Label the new answers: put each in labelled-answer and give your verdict on it.");
    }

    @Test
    void verdictsInTheLabelsFileFollowTheAnswersTheyGradeAndComeBeforeStaleColumns() throws IOException {
        var captured = StdOut.capture(() -> run(
                StaleVerdictsTestCase.class,
                "cases/support-replies-stale.jsonl",
                Map.of("rpt.judge.labels", "src/test/resources/labels/support-replies.jsonl")));

        JsonNode report = JSON.readTree(reportDir.resolve("last-run.json").toFile());
        JsonNode apologises = report.at("/classes/0/judgeAgreement/0");
        // Six labels name this run's answers (by text, whitespace aside, or by hash); the seventh grades an answer no
        // case gave, and the stale column verdicts are not used where a label names the answer.
        assertThat(apologises.get("n").asInt()).isEqualTo(6);
        assertThat(apologises.get("stale").asInt()).isZero();
        assertThat(apologises.get("kappa").asDouble()).isEqualTo(1.0);
        assertThat(report.get("cases"))
                .allSatisfy(
                        c -> assertThat(c.at("/labels/apologises").isBoolean()).isTrue());
        assertThat(captured.out())
                .contains("[rpt] judge agreement StaleVerdictsTestCase 'apologises': n 6, agreement 1.000");
        assertThat(captured.value().testEvents().succeeded().list())
                .as("the kappa bar, which stale column verdicts could not check, holds on the labelled answers")
                .anySatisfy(e -> assertThat(e.getTestDescriptor().getLegacyReportingName())
                        .isEqualTo("thresholds"));
    }

    @Test
    void aLabelsFileThatCannotBeReadStopsTheRunNamingItsLine(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path labels = dir.resolve("labels.jsonl");
        Files.writeString(labels, "{\"class\": \"A\", \"case\": \"q1\", \"criterion\": \"polite\"}\n");

        String failure = run(
                        StaleVerdictsTestCase.class,
                        "cases/support-replies-stale.jsonl",
                        Map.of("rpt.judge.labels", labels.toString()))
                .allEvents()
                .failed()
                .stream()
                .map(JudgedCriteriaTests::message)
                .findFirst()
                .orElse("");

        assertThat(failure)
                .contains("The labels file is not valid: " + labels + ":1: not a label: verdict: missing; write true"
                        + " or false");
    }

    private Map<String, String> judgeAt(MockWebServer server, String cacheMode) {
        return Map.of(
                "rpt.judge.provider", "openai",
                "rpt.judge.model", "judge-model",
                "rpt.judge.base-url", server.url("/v1").toString(),
                "rpt.judge.api-key-env", "none",
                "rpt.judge.retry.max-attempts", "1",
                "rpt.cache", cacheMode,
                "rpt.cache.dir", cacheDir.toString());
    }

    private static Dispatcher replying(String content) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return ChatCompletions.text(content);
            }
        };
    }

    private static Dispatcher counting(AtomicInteger requests, Dispatcher delegate) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                requests.incrementAndGet();
                return delegate.dispatch(request);
            }
        };
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage)
                .orElse("");
    }

    private EngineExecutionResults run(Map<String, String> extra) {
        return run(SupportReplyTestCase.class, "cases/support-replies.jsonl", extra);
    }

    private EngineExecutionResults run(Class<?> testClass, String answers, Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(
                Map.of("rpt.provider", "sim", "rpt.sim.answers", answers, "rpt.report.dir", reportDir.toString()));
        config.putAll(extra);
        return EngineTestKit.engine("rpt")
                .configurationParameters(config)
                .selectors(selectClass(testClass))
                .execute();
    }
}
