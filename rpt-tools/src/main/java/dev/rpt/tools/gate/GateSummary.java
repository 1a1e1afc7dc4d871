package dev.rpt.tools.gate;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.files.AtomicFiles;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.verdict.ClassVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apiguardian.api.API;

/**
 * The gate's findings where reviewers look: a Markdown summary short enough for a pull-request comment ({@code
 * target/rpt/summary.md}, appended to {@code GITHUB_STEP_SUMMARY} when that is set), and on GitHub Actions one error
 * annotation per failing class on its prompt file.
 */
@API(status = INTERNAL, since = "0.3")
public final class GateSummary {

    /** The summary's file name in the report directory. */
    public static final String FILE = "summary.md";

    /** Findings listed at most, so that the summary stays a comment's size at 10,000 cases. */
    static final int MAX_FINDINGS = 20;

    private GateSummary() {}

    /** The summary as Markdown: the verdict, one row per class and model, the findings, the regression test. */
    public static String markdown(RunReport run, GateResult result) {
        StringBuilder md = new StringBuilder();
        md.append(result.passed() ? "## rpt:check passed\n\n" : "## rpt:check failed\n\n");
        if (run.model().simulated()) {
            md.append("> **Simulated model.** These numbers come from rpt's offline simulator and say nothing about any"
                    + " real model.\n\n");
        }
        md.append(result.classes())
                .append(result.classes() == 1 ? " prompt test class, " : " prompt test classes, ")
                .append(result.cases())
                .append(" case records, run `")
                .append(run.runId())
                .append("`.\n\n| class | verdict | measured |\n|---|---|---|\n");
        for (ClassInfo info : run.classes()) {
            Optional<ClassVerdict> verdict = Optional.ofNullable(run.verdicts().get(info.classKey()));
            md.append("| `")
                    .append(cell(info.displayName()))
                    .append("` | ")
                    .append(verdict.map(v -> v.passed() ? "passed" : "**failed**")
                            .orElse("not recorded"))
                    .append(run.informational(info.model()) ? " (informational)" : "")
                    .append(" | ")
                    .append(verdict.map(v -> cell(v.thresholds().measuredLine()))
                            .orElse(""))
                    .append(" |\n");
        }
        if (!result.violations().isEmpty()) {
            md.append("\n### Findings\n\n");
            result.violations().stream()
                    .limit(MAX_FINDINGS)
                    .forEach(v -> md.append("- ").append(v.replace("\n", " ")).append('\n'));
            if (result.violations().size() > MAX_FINDINGS) {
                md.append("- … and ")
                        .append(result.violations().size() - MAX_FINDINGS)
                        .append(" more: the build log and target/rpt/report.html have them all.\n");
            }
        }
        if (!result.lines().isEmpty()) {
            md.append("\n<details><summary>Regression test against the baseline</summary>\n\n");
            result.lines()
                    .forEach(line ->
                            md.append("- ").append(line.replace("\n", " ")).append('\n'));
            md.append("\n</details>\n");
        }
        return md.toString();
    }

    /**
     * Writes {@code summary.md} into the report directory, atomically, and appends it to the file {@code
     * GITHUB_STEP_SUMMARY} names, when the environment sets it.
     *
     * @return where the summary is
     */
    public static Path write(Path reportDirectory, RunReport run, GateResult result, Map<String, String> environment)
            throws IOException {
        return write(reportDirectory, run, result, environment, UnaryOperator.identity());
    }

    /**
     * As {@link #write(Path, RunReport, GateResult, Map)}, reworded for the front end's users, e.g. {@code rpt
     * baseline} for {@code mvn rpt:baseline} on the command line.
     */
    public static Path write(
            Path reportDirectory,
            RunReport run,
            GateResult result,
            Map<String, String> environment,
            UnaryOperator<String> wording)
            throws IOException {
        String markdown = wording.apply(markdown(run, result));
        Path file = reportDirectory.resolve(FILE);
        AtomicFiles.writeString(file, markdown);
        String stepSummary = environment.get("GITHUB_STEP_SUMMARY");
        if (stepSummary != null && !stepSummary.isBlank()) {
            Files.writeString(
                    Path.of(stepSummary),
                    markdown + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return file;
    }

    /**
     * GitHub Actions' error annotations, one per failing class that counts, on its prompt file (line 1), its path
     * relative to {@code GITHUB_WORKSPACE}; empty outside GitHub Actions ({@code GITHUB_ACTIONS} not {@code true}).
     *
     * @param promptFile the prompt file of a prompt resource, e.g. {@code src/main/resources/prompts/x.prompt}, if
     *     it is found
     */
    public static List<String> annotations(
            RunReport run, Map<String, String> environment, Function<String, Optional<Path>> promptFile) {
        if (!"true".equals(environment.get("GITHUB_ACTIONS"))) {
            return List.of();
        }
        Path workspace = Path.of(environment.getOrDefault("GITHUB_WORKSPACE", "."))
                .toAbsolutePath()
                .normalize();
        List<String> annotations = new ArrayList<>();
        for (ClassInfo info : run.classes()) {
            ClassVerdict verdict = run.verdicts().get(info.classKey());
            if (verdict == null || verdict.passed() || run.informational(info.model())) {
                continue;
            }
            String file = promptFile
                    .apply(info.promptPath())
                    .map(path -> path.toAbsolutePath().normalize())
                    .map(path -> path.startsWith(workspace) ? workspace.relativize(path) : path)
                    .map(path -> path.toString().replace('\\', '/'))
                    .orElse(info.promptPath());
            annotations.add("::error file=" + escapeProperty(file) + ",line=1,title=rpt%3A "
                    + escapeProperty(info.displayName()) + "::"
                    + escapeData(info.displayName() + " fails: " + String.join("; ", verdict.violations())));
        }
        return annotations;
    }

    /** GitHub's workflow-command escaping of a message. */
    static String escapeData(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** GitHub's workflow-command escaping of a property value. */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
