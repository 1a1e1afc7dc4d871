package dev.rpt.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * What the model answered for one case, as the user's assertions see it.
 *
 * @param text the answer itself: the {@code answer} field of a structured reply, or the whole reply text
 * @param raw the reply text exactly as the model produced it
 * @param confidence the model's confidence in [0, 1]; empty when it gave none or an unreadable one, never defaulted
 * @param justification the model's justification, if it gave one
 * @param toolCalls every tool call of the case, in order (for a case whose tools are stubbed, over all its turns)
 * @param usage the tokens the call consumed
 * @param cached whether the reply came from the response cache
 * @param formatError whether the reply missed the expected structure (e.g. no JSON where JSON was asked for)
 * @param judgements the judge's verdicts on the test's {@link Criterion criteria}, in declaration order; empty when
 *     the test declares none
 * @param steps the case's trajectory, one {@link Step} per model turn: the texts, calls and tool results in order, the
 *     final reply last; a case without tools has one step
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Answer(
        String text,
        String raw,
        OptionalDouble confidence,
        Optional<String> justification,
        List<ToolCall> toolCalls,
        Usage usage,
        boolean cached,
        boolean formatError,
        List<Judgement> judgements,
        List<Step> steps) {

    /** An answer of one model turn: its one step holds the reply and its calls. */
    public Answer(
            String text,
            String raw,
            OptionalDouble confidence,
            Optional<String> justification,
            List<ToolCall> toolCalls,
            Usage usage,
            boolean cached,
            boolean formatError,
            List<Judgement> judgements) {
        this(
                text,
                raw,
                confidence,
                justification,
                toolCalls,
                usage,
                cached,
                formatError,
                judgements,
                List.of(new Step(raw, toolCalls, List.of())));
    }

    /** An answer of one model turn with no judged criteria. */
    public Answer(
            String text,
            String raw,
            OptionalDouble confidence,
            Optional<String> justification,
            List<ToolCall> toolCalls,
            Usage usage,
            boolean cached,
            boolean formatError) {
        this(text, raw, confidence, justification, toolCalls, usage, cached, formatError, List.of());
    }

    public Answer {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(justification, "justification");
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(usage, "usage");
        judgements = List.copyOf(judgements);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("an answer has at least one step: the model turn that gave it");
        }
        confidence.ifPresent(value -> {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("confidence must be in [0, 1], got " + value);
            }
        });
    }

    /** An answer built from text alone, e.g. for tests of assertions. */
    public static Answer ofText(String text) {
        return new Answer(text, text, OptionalDouble.empty(), Optional.empty(), List.of(), Usage.ZERO, false, false);
    }

    /** A copy with the given confidence. */
    public Answer withConfidence(double confidence) {
        return new Answer(
                text,
                raw,
                OptionalDouble.of(confidence),
                justification,
                toolCalls,
                usage,
                cached,
                formatError,
                judgements,
                steps);
    }

    /** A copy with the judge's verdicts. */
    public Answer withJudgements(List<Judgement> judgements) {
        return new Answer(
                text, raw, confidence, justification, toolCalls, usage, cached, formatError, judgements, steps);
    }

    /** The judge's verdict on a criterion, by its id. */
    public Optional<Judgement> judgement(String criterion) {
        return judgements.stream().filter(j -> j.criterion().equals(criterion)).findFirst();
    }
}
