package dev.rpt.sim;

import dev.rpt.chat.ChatMessage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.chat.Role;
import java.util.List;
import java.util.Locale;

/**
 * Detects {@link PromptTraits} in the system and user messages of a request, case-insensitively, by plain substring
 * search over the phrase lists below. The lists are part of the simulator's documented behaviour
 * ({@code docs/simulator.md}); change both together.
 */
final class TraitDetector {

    static final List<String> STEP_BY_STEP = List.of(
            "step by step",
            "step-by-step",
            "show your work",
            "show your reasoning",
            "reason through",
            "think through",
            "work through",
            "explain your reasoning",
            "chain of thought",
            "point by point");

    static final List<String> ANSWER_ONLY = List.of(
            "only the final answer",
            "only the number",
            "just the number",
            "just the final answer",
            "final answer only",
            "answer only",
            "no units",
            "without units",
            "nothing else");

    static final List<String> CALIBRATE = List.of(
            "confidence should reflect",
            "calibrat",
            "probability that your answer is correct",
            "probability your answer is correct",
            "likelihood that your answer is correct",
            "how likely your answer is");

    static final List<String> CHECK_UNITS = List.of(
            "check units",
            "check the units",
            "check your units",
            "convert units",
            "convert the units",
            "convert all units",
            "unit conversion",
            "units consistent");

    static final List<String> JSON = List.of("json");

    static final List<String> LOOK_UP_FIRST = List.of(
            "look the order up",
            "look up the order",
            "look orders up",
            "look it up before",
            "before you refund",
            "lookup_order before");

    static final List<String> CHECK_WORK = List.of(
            "check your work",
            "check your working",
            "check each step",
            "check every step",
            "double-check",
            "double check",
            "recheck",
            "re-check",
            "verify each step",
            "verify every step");

    private TraitDetector() {}

    /** The traits of the request's system and user messages. */
    static PromptTraits detect(ChatRequest request) {
        StringBuilder text = new StringBuilder();
        for (ChatMessage message : request.messages()) {
            if ((message.role() == Role.SYSTEM || message.role() == Role.USER) && message.content() != null) {
                text.append(message.content()).append('\n');
            }
        }
        return detect(text.toString());
    }

    /** The traits of a prompt text. */
    static PromptTraits detect(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return new PromptTraits(
                containsAny(lower, STEP_BY_STEP),
                containsAny(lower, ANSWER_ONLY),
                containsAny(lower, CALIBRATE),
                containsAny(lower, CHECK_UNITS),
                containsAny(lower, JSON),
                containsAny(lower, LOOK_UP_FIRST),
                containsAny(lower, CHECK_WORK));
    }

    private static boolean containsAny(String text, List<String> phrases) {
        for (String phrase : phrases) {
            if (text.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
