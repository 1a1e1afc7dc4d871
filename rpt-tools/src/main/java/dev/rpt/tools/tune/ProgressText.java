package dev.rpt.tools.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rpt.chat.Role;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What a tune says: the brief that opens the optimizer's conversation, and the progress line of each iteration. */
final class ProgressText {

    private static final ObjectMapper JSON = JsonFiles.mapper();

    private final TuneSettings settings;

    ProgressText(TuneSettings settings) {
        this.settings = settings;
    }

    /** The optimizer's first message: the prompt to improve, its placeholders, the goals and the budget, as JSON. */
    String brief(PromptFile seed, MetricBounds goals) {
        ObjectNode brief = JSON.createObjectNode();
        brief.put("task", "Improve this prompt. Start by calling evaluate_prompt on it as it is.");
        brief.put("system", seed.sectionText(Role.SYSTEM));
        brief.put("user", seed.sectionText(Role.USER));
        brief.set("placeholders", JSON.valueToTree(List.copyOf(seed.placeholders())));
        if (!seed.frontMatter().tools().tools().isEmpty()) {
            // The model reads these descriptions to choose its calls; the optimizer may rewrite them, nothing else.
            var tools = brief.putArray("tools");
            seed.frontMatter()
                    .tools()
                    .tools()
                    .forEach(tool -> tools.addObject()
                            .put("name", tool.name())
                            .put("description", tool.description())
                            .put("input", tool.input().json()));
            brief.put(
                    "toolsNote",
                    "The prompt declares these tools. You may rewrite their descriptions with 'tool_descriptions';"
                            + " their names and input schemas are the application's contract and cannot change.");
        }
        ObjectNode goalNode = brief.putObject("goals");
        goals.minAccuracy().ifPresent(v -> goalNode.put("minAccuracy", v));
        goals.maxEce().ifPresent(v -> goalNode.put("maxEce", v));
        goals.maxBrier().ifPresent(v -> goalNode.put("maxBrier", v));
        brief.put("maxIterations", settings.maxIterations());
        if (settings.objective().repeats()) {
            brief.put(
                    "objective",
                    settings.objectiveLabel() + ": every case is sampled " + settings.samples() + " times"
                            + (settings.objective() == TuneObjective.PASS_K
                                    ? " and counts only when every sample passes"
                                    : " and counts by its pass rate")
                            + "; the failure mode 'unstable' lists the cases that pass only sometimes");
        }
        return brief.toString();
    }

    /**
     * One iteration for the user: the held-out metrics with the accuracy interval, the objective and instability
     * under repeats, the overfit gap, the worked examples, what the patch targeted, and the usage and time so far.
     */
    String line(Evaluation evaluation, List<String> targets, Instant started, UsageSnapshot usage) {
        var holdout = evaluation.holdout();
        StringBuilder line = new StringBuilder();
        line.append(String.format(
                Locale.ROOT, "iteration %d/%d: held-out", evaluation.iteration(), settings.maxIterations()));
        line.append(
                holdout.accuracy().isPresent()
                        ? String.format(
                                Locale.ROOT,
                                " accuracy %.3f",
                                holdout.accuracy().getAsDouble())
                        : " accuracy n/a");
        holdout.accuracyCi()
                .ifPresent(ci -> line.append(String.format(Locale.ROOT, " [%.3f, %.3f]", ci.lower(), ci.upper())));
        line.append(
                holdout.ece().isPresent()
                        ? String.format(Locale.ROOT, ", ECE %.3f", holdout.ece().getAsDouble())
                        : ", ECE n/a");
        line.append(
                holdout.brier().isPresent()
                        ? String.format(
                                Locale.ROOT, ", Brier %.3f", holdout.brier().getAsDouble())
                        : ", Brier n/a");
        if (settings.objective().repeats()) {
            Reliability reliability = evaluation.selectionReliability();
            settings.objective()
                    .value(holdout, reliability)
                    .ifPresent(value ->
                            line.append(String.format(Locale.ROOT, ", %s %.3f", settings.objectiveLabel(), value)));
            line.append(String.format(
                    Locale.ROOT,
                    ", unstable %d of %d (tune %d of %d)",
                    reliability.unstable(),
                    reliability.cases(),
                    evaluation.tuneReliability().unstable(),
                    evaluation.tuneReliability().cases()));
        }
        evaluation
                .overfitGap()
                .ifPresent(gap -> line.append(String.format(Locale.ROOT, ", tune-to-held-out gap %+.3f", gap)));
        int examples = WorkedExamples.ids(evaluation.candidate()).size();
        if (examples > 0) {
            line.append("; ").append(examples).append(examples == 1 ? " worked example" : " worked examples");
        }
        line.append("; targeted ").append(targets.isEmpty() ? "nothing (seed)" : String.join(", ", targets));
        line.append("; ")
                .append(usage.calls())
                .append(" calls, ")
                .append(usage.usage().totalTokens())
                .append(" tokens, cost ");
        line.append(
                usage.costUsd().isPresent()
                        ? String.format(Locale.ROOT, "$%.4f", usage.costUsd().getAsDouble())
                        : "unknown");
        Duration elapsed = Duration.between(started, Instant.now());
        line.append(String.format(Locale.ROOT, "; %.1fs", elapsed.toMillis() / 1000.0));
        return line.toString();
    }
}
