package dev.rpt.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.rpt.core.cases.CaseFileOptions;
import dev.rpt.core.cases.CaseFileResult;
import dev.rpt.core.cases.CaseFiles;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.model.runtime.ChatModels;
import dev.rpt.core.model.runtime.ConcurrencyLimiter;
import dev.rpt.core.model.runtime.UsageLedger;
import dev.rpt.junit.engine.fixtures.MisconfiguredTestCases;
import dev.rpt.prompt.PromptFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Each row is one bad input and the fragments its single error must hold: where the problem is (file, line, key or
 * variable) and how to fix it. Each row must produce exactly one error.
 *
 * <p>Rows tested elsewhere: a prompt path outside the project is refused by the Maven plugin's {@code PromptSources}
 * ({@code PromptSourcesTests}, which this module cannot reach). A baseline from another prompt is tested where the
 * gate lives ({@code RegressionCheckTests.aBaselineOfAnotherPromptIsOneClearError}).
 */
class BadInputMatrixTests {

    static Stream<Arguments> rows() {
        return Stream.of(
                row(
                        "missing prompt file (engine)",
                        () -> onlyClassFailure(MisconfiguredTestCases.MissingPromptTestCase.class),
                        "prompts/missing.prompt",
                        "MissingPromptTestCase",
                        "src/test/resources/prompts/missing.prompt",
                        "@PromptTest(prompt = ...)"),
                row(
                        "missing prompt file in a class with thresholds (engine)",
                        () -> onlyClassFailure(MisconfiguredTestCases.MissingPromptWithThresholdsTestCase.class),
                        "prompts/missing.prompt",
                        "MissingPromptWithThresholdsTestCase",
                        "@PromptTest(prompt = ...)"),
                row(
                        "malformed criterion id",
                        () -> onlyIssue(MisconfiguredTestCases.BadCriterionIdTestCase.class),
                        "@Criterion(id = \"Is Polite\")",
                        "BadCriterionIdTestCase.replies",
                        "lower-case letters, digits and single hyphens"),
                row(
                        "human verdict that is not one",
                        () -> onlyClassFailure(MisconfiguredTestCases.BadHumanVerdictTestCase.class),
                        "BadHumanVerdictTestCase.java: case 'one' the human verdict on criterion 'apologises'",
                        "'maybe' is not a human verdict",
                        "write true or false"),
                row(
                        "criterion variable no case has",
                        () -> onlyClassFailure(MisconfiguredTestCases.CriterionVariableMissingTestCase.class),
                        "'reference'",
                        "@Criterion(id = \"matches-reference\")",
                        "add a 'reference' value"),
                row(
                        "unreadable prompt file",
                        () -> message(() -> PromptFile.parse(Path.of("no/such/dir/solver.prompt"))),
                        "no/such/dir/solver.prompt"),
                row(
                        "bad front matter",
                        () -> message(() -> PromptFile.parse("p/x.prompt", "---\nmodel: m\nconfig: [\n---\nhi\n")),
                        "p/x.prompt:",
                        "YAML"),
                row(
                        "front matter never closed",
                        () -> message(() -> PromptFile.parse("p/x.prompt", "---\nmodel: m\n{{role \"user\"}}\nhi\n")),
                        "p/x.prompt",
                        "never closed",
                        "`---`"),
                row(
                        "unknown placeholder",
                        () -> message(() -> PromptFile.parse(
                                "p/x.prompt", "---\ninput:\n  schema:\n    question: string\n---\n{{qestion}}\n")),
                        "{{qestion}}",
                        "p/x.prompt:6",
                        "question"),
                row(
                        "missing variable",
                        () -> message(() -> PromptFile.parse(
                                        "p/x.prompt",
                                        "---\ninput:\n  schema:\n    question: string\n---\n{{question}}\n")
                                .render(Map.of())),
                        "question",
                        "p/x.prompt"),
                row(
                        "malformed JSONL row",
                        () -> onlyProblem("cases/a.jsonl", "{\"question\":\"ok\"}\n{\"question\": oops}\n"),
                        "cases/a.jsonl:2"),
                row(
                        "malformed CSV row",
                        () -> onlyProblem("cases/a.csv", "id,question\nq1,ok\nq2,\"never closed\n"),
                        // The broken row starts on line 3; Jackson itself reports where the file ends.
                        "cases/a.csv:3",
                        "Missing closing quote",
                        "check the quotes in this row"),
                row(
                        "malformed YAML row",
                        () -> onlyProblem("cases/a.yaml", "- question: ok\n- question: [unclosed\n"),
                        "cases/a.yaml:2"),
                row(
                        "duplicate case id",
                        () -> onlyProblem(
                                "cases/a.jsonl",
                                "{\"id\":\"q1\",\"question\":\"a\"}\n{\"id\":\"q1\",\"question\":\"b\"}\n"),
                        "cases/a.jsonl:2",
                        "duplicate id 'q1'",
                        "cases/a.jsonl:1"),
                row(
                        "unknown provider",
                        () -> message(() -> createModel(Map.of("rpt.provider", "opneai", "rpt.model", "m"))),
                        "rpt.provider",
                        "opneai",
                        "openai",
                        "anthropic",
                        "sim"),
                row(
                        "missing API key env var",
                        () -> message(() -> createModel(
                                Map.of("rpt.provider", "openai", "rpt.model", "m", "rpt.api-key-env", "MY_TEAM_KEY"))),
                        "MY_TEAM_KEY",
                        "rpt.api-key-env"),
                row(
                        "invalid rpt.* choice",
                        () -> message(() -> createModel(Map.of("rpt.provider", "sim", "rpt.cache", "sometimes"))),
                        "rpt.cache",
                        "sometimes",
                        "off",
                        "read-write",
                        "read-only",
                        "replay-only"),
                row(
                        "invalid rpt.* number",
                        () -> message(() -> ConcurrencyLimiter.from(RptConfig.of(Map.of("rpt.concurrency", "0")))),
                        "rpt.concurrency",
                        "0"),
                row(
                        "invalid rpt.* duration",
                        () -> message(() -> createModel(Map.of("rpt.provider", "sim", "rpt.timeout", "soon"))),
                        "rpt.timeout",
                        "soon",
                        "30s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void badInputYieldsOneClearError(String input, Supplier<String> error, List<String> fragments) {
        String message = error.get();

        assertThat(message).as(input).isNotBlank();
        for (String fragment : fragments) {
            assertThat(message).as(input).contains(fragment);
        }
    }

    private static Arguments row(String input, Supplier<String> error, String... fragments) {
        return Arguments.of(input, error, List.of(fragments));
    }

    /** The message of what the action throws; the row fails if it throws nothing. */
    private static String message(ThrowingAction action) {
        Throwable thrown = catchThrowable(action::run);
        assertThat(thrown).as("an error").isNotNull();
        return thrown.getMessage();
    }

    private static String onlyIssue(Class<?> testClass) {
        List<DiscoveryIssue> issues = EngineTestKit.engine("rpt")
                .selectors(selectClass(testClass))
                .discover()
                .getDiscoveryIssues();
        assertThat(issues).as("exactly one discovery issue").hasSize(1);
        return issues.get(0).message();
    }

    /** The one failure of a class's run: its container's, before any case ran. */
    private static String onlyClassFailure(Class<?> testClass) {
        Path reportDir;
        try {
            reportDir = Files.createTempDirectory("rpt-bad-input");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Throwable> failures = EngineTestKit.engine("rpt")
                .configurationParameters(Map.of("rpt.provider", "sim", "rpt.report.dir", reportDir.toString()))
                .selectors(selectClass(testClass))
                .execute()
                .allEvents()
                .failed()
                .stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow())
                .toList();
        assertThat(failures)
                .as("exactly one failure")
                .extracting(Throwable::getMessage)
                .hasSize(1);
        return failures.get(0).getMessage();
    }

    private static String onlyProblem(String name, String content) {
        CaseFileResult result = CaseFiles.read(
                name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), CaseFileOptions.defaults());
        assertThat(result.problems()).as("exactly one problem in " + name).hasSize(1);
        return result.problems().get(0).toString();
    }

    private static Object createModel(Map<String, String> config) {
        RptConfig rpt = RptConfig.of(config);
        return ChatModels.create(rpt, name -> null, UsageLedger.from(rpt), ConcurrencyLimiter.from(rpt));
    }

    @FunctionalInterface
    private interface ThrowingAction {
        Object run() throws Exception;
    }
}
