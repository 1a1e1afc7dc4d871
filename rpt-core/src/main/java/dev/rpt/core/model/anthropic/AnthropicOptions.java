package dev.rpt.core.model.anthropic;

import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings only the {@code anthropic} provider reads: how the model thinks, how structured output and tools go out.
 *
 * <p>Which model takes which is Anthropic's to say, and changes each quarter, so nothing here is guessed from the
 * model's name: a setting the model does not take is answered with a 400 whose hint names the key. As documented when
 * this was written: adaptive thinking with {@code output_config.effort} on Claude Opus 4.6 and later, Sonnet 4.6 and
 * later (where a fixed budget is deprecated); a budget on the Claude 4 and 4.5 families and Sonnet 3.7; native
 * structured output ({@code output_config.format}) and strict tools on Claude Sonnet 4.5, Opus 4.1, Haiku 4.5 and
 * later.
 *
 * @param thinking how the model thinks
 * @param thinkingBudget the token budget of {@link Thinking#BUDGET}, else 0
 * @param effort {@code output_config.effort}, from {@code rpt.reasoning-effort}
 * @param structuredOutput how a response format goes out
 * @param strictTools whether tools go out with {@code strict: true}
 */
record AnthropicOptions(
        Thinking thinking,
        int thinkingBudget,
        Optional<String> effort,
        StructuredOutput structuredOutput,
        boolean strictTools) {

    /** Anthropic's smallest extended-thinking budget. */
    static final int MIN_THINKING_BUDGET = 1024;

    /** The effort levels the Messages API takes (anthropic-sdk-python {@code types/output_config_param.py}). */
    static final List<String> EFFORTS = List.of("low", "medium", "high", "xhigh", "max");

    /** No thinking, native structured output, strict tools. */
    static final AnthropicOptions DEFAULTS =
            new AnthropicOptions(Thinking.OFF, 0, Optional.empty(), StructuredOutput.NATIVE, true);

    /** {@code rpt.anthropic.thinking}. */
    enum Thinking {
        OFF,
        ADAPTIVE,
        BUDGET
    }

    /** {@code rpt.anthropic.structured-output}. */
    enum StructuredOutput {
        NATIVE,
        TOOL
    }

    AnthropicOptions {
        Objects.requireNonNull(thinking, "thinking");
        Objects.requireNonNull(effort, "effort");
        Objects.requireNonNull(structuredOutput, "structuredOutput");
    }

    /** Whether the model thinks before answering: then no temperature and no forced tool. */
    boolean thinks() {
        return thinking != Thinking.OFF;
    }

    /**
     * Reads {@code rpt.anthropic.thinking}, {@code rpt.anthropic.thinking-budget}, {@code rpt.reasoning-effort}, {@code
     * rpt.anthropic.structured-output} and {@code rpt.anthropic.strict-tools}.
     *
     * @throws ConfigException naming the key when a value or a combination is not one Anthropic takes
     */
    static AnthropicOptions from(RptConfig config) {
        int budget = config.integer(RptConstants.ANTHROPIC_THINKING_BUDGET, 0, 1_000_000)
                .orElse(0);
        Optional<String> effort = config.string(RptConstants.REASONING_EFFORT)
                .map(value -> value.strip().toLowerCase(Locale.ROOT));
        if (effort.isPresent() && !EFFORTS.contains(effort.get())) {
            throw RptConfig.invalid(
                    RptConstants.REASONING_EFFORT,
                    effort.get(),
                    "one of " + String.join(", ", EFFORTS) + " on Anthropic, sent as output_config.effort (to think"
                            + " less than low, turn thinking off: " + RptConstants.ANTHROPIC_THINKING + "=off)");
        }
        Thinking thinking = config.choice(RptConstants.ANTHROPIC_THINKING, List.of("off", "adaptive", "budget"))
                .map(value -> Thinking.valueOf(value.toUpperCase(Locale.ROOT)))
                .orElse(budget > 0 ? Thinking.BUDGET : effort.isPresent() ? Thinking.ADAPTIVE : Thinking.OFF);
        switch (thinking) {
            case BUDGET -> {
                if (budget < MIN_THINKING_BUDGET) {
                    throw RptConfig.invalid(
                            RptConstants.ANTHROPIC_THINKING_BUDGET,
                            String.valueOf(budget),
                            "at least " + MIN_THINKING_BUDGET + " tokens, Anthropic's minimum, with "
                                    + RptConstants.ANTHROPIC_THINKING + "=budget (or 0 with another mode)");
                }
            }
            case ADAPTIVE, OFF -> {
                if (budget > 0) {
                    throw new ConfigException(RptConstants.ANTHROPIC_THINKING_BUDGET + "=" + budget + " sets a fixed"
                            + " thinking budget, but " + RptConstants.ANTHROPIC_THINKING + " is "
                            + thinking.name().toLowerCase(Locale.ROOT) + ". Remove the budget, or set "
                            + RptConstants.ANTHROPIC_THINKING + "=budget.");
                }
            }
        }
        StructuredOutput structured = config.choice(RptConstants.ANTHROPIC_STRUCTURED_OUTPUT, List.of("native", "tool"))
                .map(value -> StructuredOutput.valueOf(value.toUpperCase(Locale.ROOT)))
                .orElse(StructuredOutput.NATIVE);
        if (structured == StructuredOutput.TOOL && thinking != Thinking.OFF) {
            throw new ConfigException(RptConstants.ANTHROPIC_STRUCTURED_OUTPUT + "=tool forces a tool call, which"
                    + " Anthropic does not allow while the model thinks (" + RptConstants.ANTHROPIC_THINKING + " is "
                    + thinking.name().toLowerCase(Locale.ROOT) + "). Use structured-output=native, or "
                    + RptConstants.ANTHROPIC_THINKING + "=off.");
        }
        boolean strictTools = config.choice(RptConstants.ANTHROPIC_STRICT_TOOLS, List.of("true", "false"))
                .map(Boolean::parseBoolean)
                .orElse(true);
        return new AnthropicOptions(
                thinking, thinking == Thinking.BUDGET ? budget : 0, effort, structured, strictTools);
    }
}
