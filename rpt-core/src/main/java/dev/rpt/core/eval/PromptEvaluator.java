package dev.rpt.core.eval;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.api.Answer;
import dev.rpt.api.ConfidenceMode;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.JsonSchema;
import dev.rpt.chat.ResponseFormat;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.FinishReason;
import dev.rpt.prompt.PromptFile;
import dev.rpt.prompt.PromptOutput;
import dev.rpt.prompt.RenderedPrompt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * Asks the target model about one case: renders the prompt with the case's variables, sends it, and extracts the
 * {@link Answer} with its confidence. Thread-safe; one evaluator serves all cases of a run.
 */
@API(status = INTERNAL, since = "0.1")
public final class PromptEvaluator {

    /**
     * The output schema the method prescribes when a prompt declares none: {@code {answer, confidence,
     * justification}}, with the confidence in [0, 1].
     */
    public static final ResponseFormat TARGET_ANSWER = new ResponseFormat(
            "target_answer",
            new JsonSchema("{\"type\":\"object\",\"properties\":{\"answer\":{\"type\":\"string\"},"
                    + "\"confidence\":{\"type\":\"number\"},\"justification\":{\"type\":\"string\"}},"
                    + "\"required\":[\"answer\",\"confidence\",\"justification\"],\"additionalProperties\":false}"),
            true);

    private static final int TOP_LOGPROBS = 5;

    private final ChatModel model;
    private final EvaluationSettings settings;

    public PromptEvaluator(ChatModel model, EvaluationSettings settings) {
        this.model = Objects.requireNonNull(model, "model");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Evaluates one case.
     *
     * @throws dev.rpt.prompt.MissingVariablesException when the case lacks a variable the prompt needs
     * @throws dev.rpt.core.model.ModelException when the model call fails
     */
    public Answer evaluate(PromptFile prompt, Map<String, String> variables) {
        return evaluate(prompt, variables, 0);
    }

    /**
     * Evaluates one independent sample of a case ({@code rpt.repeat}). The sample index reaches the request, and so
     * the cache key, but no provider.
     *
     * @param sample the sample index, 0 for the first
     */
    public Answer evaluate(PromptFile prompt, Map<String, String> variables, int sample) {
        RenderedPrompt rendered = prompt.render(variables);
        List<ChatMessage> history = CaseHistory.of(variables);
        Optional<ToolStubs> stubs = rendered.tools().tools().isEmpty() ? Optional.empty() : ToolStubs.of(variables);
        // Checked before any model call: a malformed expectation would otherwise surface only when the case is scored.
        ExpectedTools.of(variables);
        if (settings.confidence() == ConfidenceMode.CONSISTENCY) {
            if (stubs.isPresent()) {
                // Voting over whole tool conversations is not defined yet; answering one turn would drop the stubs.
                throw new ConfigException("rpt.confidence=consistency does not run a case whose tools are stubbed (its "
                        + ToolStubs.VARIABLE + " column): use verbalized or logprobs confidence for this class.");
            }
            return consistency(rendered, history, sample);
        }
        ChatRequest request = request(rendered, history, sample);
        ChatResponse response = model.chat(request);
        ToolRun run = stubs.isPresent() ? ToolRun.of(model, request, response, stubs.get(), maxSteps(variables)) : null;
        ChatResponse last = run == null ? response : run.last();
        Answer answer = settings.confidence() == ConfidenceMode.LOGPROBS
                ? AnswerExtractor.fromLogprobs(last, output(rendered))
                : AnswerExtractor.read(last, output(rendered));
        return requireNotCutOff(last, run == null ? answer : run.answer(answer));
    }

    /** The step limit: the case's {@value #MAX_STEPS_VARIABLE} variable, else {@code rpt.max-steps}. */
    private int maxSteps(Map<String, String> variables) {
        String value = variables.get(MAX_STEPS_VARIABLE);
        if (value == null || value.isBlank()) {
            return settings.maxSteps();
        }
        try {
            int steps = Integer.parseInt(value.strip());
            if (steps >= 1 && steps <= 100) {
                return steps;
            }
        } catch (NumberFormatException e) {
            // Said below with the accepted range.
        }
        throw new IllegalArgumentException(
                "The case's " + MAX_STEPS_VARIABLE + " must be a whole number from 1 to" + " 100, got '" + value + "'");
    }

    /** The case variable that sets the step limit of one case. */
    public static final String MAX_STEPS_VARIABLE = "max-steps";

    /**
     * The requests {@link #evaluate(PromptFile, Map, int)} will send for one sample of a case, so that they can be
     * {@linkplain ChatModel#prefetch prefetched} (in a batch) before the run asks for them.
     *
     * @throws dev.rpt.prompt.MissingVariablesException when the case lacks a variable the prompt needs
     */
    public List<ChatRequest> plannedRequests(PromptFile prompt, Map<String, String> variables, int sample) {
        RenderedPrompt rendered = prompt.render(variables);
        List<ChatMessage> history = CaseHistory.of(variables);
        if (settings.confidence() != ConfidenceMode.CONSISTENCY) {
            return List.of(request(rendered, history, sample));
        }
        List<ChatRequest> requests = new ArrayList<>(settings.samples());
        for (int i = 0; i < settings.samples(); i++) {
            requests.add(request(rendered, history, sample * settings.samples() + i));
        }
        return requests;
    }

    /**
     * A reply cut off before it stated an answer is not a wrong answer but too small a limit: reasoning models spend
     * their output tokens on reasoning first, so the default limit can leave nothing for the answer.
     */
    private Answer requireNotCutOff(ChatResponse response, Answer answer) {
        if (response.finishReason() == FinishReason.LENGTH
                && (answer.formatError() || answer.text().isBlank())) {
            throw new ConfigException("The reply was cut off (finish reason length) before it stated an answer: the"
                    + " model used all " + (settings.maxTokens() == null ? "its" : settings.maxTokens())
                    + " output tokens, reasoning included, or reached its context window. Raise "
                    + RptConstants.MAX_TOKENS + " (or the prompt's config.maxOutputTokens).");
        }
        return answer;
    }

    /**
     * The request for one sample of a rendered prompt. The prompt decides its output: text gets no structure, a
     * schema gets that schema, and only a prompt that declares nothing gets {@link #TARGET_ANSWER}.
     */
    ChatRequest request(RenderedPrompt rendered, int sampleIndex) {
        return request(rendered, List.of(), sampleIndex);
    }

    /** As {@link #request(RenderedPrompt, int)}, with a case's earlier turns between the system and user sections. */
    ChatRequest request(RenderedPrompt rendered, List<ChatMessage> history, int sampleIndex) {
        ResponseFormat format = switch (output(rendered).format()) {
            case JSON -> rendered.responseFormat().orElseThrow();
            case TEXT -> null;
            case UNDECLARED -> TARGET_ANSWER;
        };
        List<ChatMessage> messages = new ArrayList<>(rendered.toMessages());
        // The rendered user section is the last message; the earlier turns go before it.
        messages.addAll(messages.size() - 1, history);
        ChatRequest.Builder builder = ChatRequest.builder()
                .messages(messages)
                .responseFormat(format)
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .seed(settings.seed())
                .sampleIndex(sampleIndex);
        if (settings.confidence() == ConfidenceMode.LOGPROBS) {
            builder.logprobs(true, TOP_LOGPROBS);
        }
        return rendered.tools().applyTo(rendered.parameters().applyTo(builder)).build();
    }

    /**
     * How the reply is read: as the prompt declares it; a prompt that calls tools and declares no output as plain
     * text, since an assistant's final reply is prose for a person, not rpt's JSON answer, and its tool calls are the
     * answer's {@link Answer#toolCalls()}.
     */
    private static PromptOutput output(RenderedPrompt rendered) {
        return rendered.output().format() == PromptOutput.Format.UNDECLARED
                        && !rendered.tools().tools().isEmpty()
                ? new PromptOutput(PromptOutput.Format.TEXT, Optional.empty(), Optional.empty(), Optional.empty())
                : rendered.output();
    }

    private Answer consistency(RenderedPrompt rendered, List<ChatMessage> history, int repeat) {
        List<Answer> samples = new ArrayList<>(settings.samples());
        Usage usage = Usage.ZERO;
        boolean allCached = true;
        for (int i = 0; i < settings.samples(); i++) {
            ChatResponse response = model.chat(request(rendered, history, repeat * settings.samples() + i));
            Answer sample = AnswerExtractor.read(response, output(rendered));
            samples.add(sample);
            usage = usage.plus(response.usage());
            allCached &= response.cached();
        }
        Map<String, List<Answer>> votes = new LinkedHashMap<>();
        for (Answer sample : samples) {
            votes.computeIfAbsent(AnswerText.normalize(sample.text()), key -> new ArrayList<>())
                    .add(sample);
        }
        List<Answer> majority = votes.values().stream()
                .max((a, b) -> Integer.compare(a.size(), b.size()))
                .orElseThrow();
        Answer chosen = majority.get(0);
        return new Answer(
                chosen.text(),
                chosen.raw(),
                OptionalDouble.of((double) majority.size() / samples.size()),
                chosen.justification(),
                chosen.toolCalls(),
                usage,
                allCached,
                chosen.formatError());
    }
}
