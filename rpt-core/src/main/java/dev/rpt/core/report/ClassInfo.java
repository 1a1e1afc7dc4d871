package dev.rpt.core.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.cases.CaseProblem;
import dev.rpt.core.config.ModelTarget;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.core.thresholds.ToolBounds;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apiguardian.api.API;

/**
 * What the report states about one prompt test class besides its cases.
 *
 * @param className the class
 * @param promptPath the prompt resource, e.g. {@code prompts/math-solver.prompt}
 * @param promptSha256 the sha256 of the prompt text the run used
 * @param thresholds the class's bounds, possibly none
 * @param model the model configuration the class ran on, in a run that names its models; each model's run of a class
 *     is reported as its own entry
 * @param minKappa {@code @Thresholds(minKappa)}: the least Cohen's kappa the judge must reach with the human verdicts
 *     on each criterion, if the class asks for one
 * @param minMetRate {@code @Thresholds(minMetRate)}: the least share of judged answers that must meet each criterion,
 *     corrected by the judge's measured error where people labelled answers, if the class asks for one
 * @param skippedRows the case rows left out of this run under {@code rpt.cases.bad-rows=skip}, each with its problem;
 *     the class's verdict is on the other cases only
 * @param toolBounds {@code @Thresholds(minToolSelection, minToolArguments)}, if the class sets them
 */
@API(status = INTERNAL, since = "0.1")
public record ClassInfo(
        String className,
        String promptPath,
        String promptSha256,
        MetricBounds thresholds,
        Optional<String> model,
        OptionalDouble minKappa,
        OptionalDouble minMetRate,
        List<CaseProblem> skippedRows,
        ToolBounds toolBounds) {

    public ClassInfo {
        Objects.requireNonNull(toolBounds, "toolBounds");
        skippedRows = List.copyOf(skippedRows);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(minKappa, "minKappa");
        Objects.requireNonNull(minMetRate, "minMetRate");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(promptPath, "promptPath");
        Objects.requireNonNull(promptSha256, "promptSha256");
        Objects.requireNonNull(thresholds, "thresholds");
    }

    /** A class without bounds on its tool use. */
    public ClassInfo(
            String className,
            String promptPath,
            String promptSha256,
            MetricBounds thresholds,
            Optional<String> model,
            OptionalDouble minKappa,
            OptionalDouble minMetRate,
            List<CaseProblem> skippedRows) {
        this(
                className,
                promptPath,
                promptSha256,
                thresholds,
                model,
                minKappa,
                minMetRate,
                skippedRows,
                ToolBounds.NONE);
    }

    /** A class without {@code minMetRate}. */
    public ClassInfo(
            String className,
            String promptPath,
            String promptSha256,
            MetricBounds thresholds,
            Optional<String> model,
            OptionalDouble minKappa,
            List<CaseProblem> skippedRows) {
        this(className, promptPath, promptSha256, thresholds, model, minKappa, OptionalDouble.empty(), skippedRows);
    }

    /** A class whose rows were all read. */
    public ClassInfo(
            String className,
            String promptPath,
            String promptSha256,
            MetricBounds thresholds,
            Optional<String> model,
            OptionalDouble minKappa) {
        this(className, promptPath, promptSha256, thresholds, model, minKappa, List.of());
    }

    /** A class without {@code minKappa}. */
    public ClassInfo(
            String className, String promptPath, String promptSha256, MetricBounds thresholds, Optional<String> model) {
        this(className, promptPath, promptSha256, thresholds, model, OptionalDouble.empty());
    }

    /** A class of a run with one unnamed model, without {@code minKappa}. */
    public ClassInfo(String className, String promptPath, String promptSha256, MetricBounds thresholds) {
        this(className, promptPath, promptSha256, thresholds, Optional.empty());
    }

    /** The class name, followed by {@code [model]} when the run names its models; see {@link CaseRecord#classKey}. */
    public String classKey() {
        return className + ModelTarget.suffix(model);
    }

    /** The class's simple name with its model, e.g. {@code MathSolverTest[local]}, for messages and tables. */
    public String displayName() {
        return className.substring(className.lastIndexOf('.') + 1) + ModelTarget.suffix(model);
    }
}
