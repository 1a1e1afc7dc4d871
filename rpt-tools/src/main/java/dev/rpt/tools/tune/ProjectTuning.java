package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.calibration.MetricsOptions;
import dev.rpt.core.config.ConfigException;
import dev.rpt.core.config.RptConfig;
import dev.rpt.core.config.RptConstants;
import dev.rpt.core.files.AtomicFiles;
import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.runtime.PriceTable;
import dev.rpt.core.report.ClassInfo;
import dev.rpt.core.report.RunReport;
import dev.rpt.core.report.RunReportWriter;
import dev.rpt.core.thresholds.MetricBounds;
import dev.rpt.prompt.PromptFile;
import dev.rpt.tools.html.HtmlReport;
import dev.rpt.tools.record.RecordLayout;
import dev.rpt.tools.record.SummaryJson;
import dev.rpt.tools.record.TuneRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Tunes or diagnoses a project's prompts: everything {@code rpt:tune} and {@code rpt:diagnose} do once Maven has said
 * where the project is and how to run its tests, and what a Gradle task or a CLI would call.
 *
 * <p>Opening it runs the project's prompt tests once as they are ({@link #prompts()} are the prompts that run names,
 * or {@code rpt.tune.prompt}); then {@link #tune} and {@link #diagnose} work on one prompt each, and write their
 * records under {@code <build>/rpt/tune}.
 */
@API(status = INTERNAL, since = "0.1")
public final class ProjectTuning {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /**
     * Where a project keeps its files, as the build tool knows it.
     *
     * @param baseDirectory the project's directory; rpt writes no prompt file outside it
     * @param buildDirectory the build's output directory, e.g. {@code target}
     * @param resourceDirectories the main, then test, resource directories, where prompt sources live
     */
    public record Project(Path baseDirectory, Path buildDirectory, List<Path> resourceDirectories) {

        public Project {
            resourceDirectories = List.copyOf(resourceDirectories);
        }

        /** Where tunes and diagnoses keep their records: {@code <build>/rpt/tune}. */
        public Path tuneDirectory() {
            return buildDirectory.resolve("rpt").resolve("tune");
        }

        /** The source file of a prompt resource; a {@link ConfigException} says how to fix a missing one. */
        Path promptSource(String resource) {
            return PromptSources.locate(resource, resourceDirectories, baseDirectory);
        }
    }

    /** Runs the project's prompt tests as they are, once, before any work. */
    @FunctionalInterface
    public interface FirstRun {
        /**
         * @param onlyPrompt the one prompt whose classes run, or empty for every prompt test class
         * @param reportDirectory where the run writes its report
         */
        RunReport run(Optional<String> onlyPrompt, Path reportDirectory) throws IOException;
    }

    /** Where progress goes: the build tool's log. */
    public interface Log {
        void info(String line);

        void warn(String line);

        /** A log over two line consumers, e.g. a build tool's logger's {@code info} and {@code warn}. */
        static Log of(Consumer<String> info, Consumer<String> warn) {
            return new Log() {
                @Override
                public void info(String line) {
                    info.accept(line);
                }

                @Override
                public void warn(String line) {
                    warn.accept(line);
                }
            };
        }
    }

    private final RptConfig config;
    private final TuneSettings settings;
    private final CandidateRunner runner;
    private final TuneModels models;
    private final Project project;
    private final Log log;
    private final RunReport firstRun;
    private Map<String, TuneEstimate> estimates = Map.of();

    private ProjectTuning(
            RptConfig config, CandidateRunner runner, TuneModels models, Project project, Log log, RunReport firstRun) {
        this.config = config;
        this.settings = TuneSettings.from(config);
        this.runner = runner;
        this.models = models;
        this.project = project;
        this.log = log;
        this.firstRun = firstRun;
    }

    /**
     * Runs the prompt tests as they are and returns the tuning of the prompts that run names.
     *
     * @param models the optimizer (for a tune) and the critic; the caller closes them
     */
    public static ProjectTuning open(
            RptConfig config, CandidateRunner runner, FirstRun firstRun, TuneModels models, Project project, Log log)
            throws IOException {
        warnIfSimulated(models.optimizer(), "the optimizer", log);
        warnIfSimulated(models.critic(), "the critic", log);
        Optional<String> only = config.string(RptConstants.TUNE_PROMPT);
        Path directory = project.tuneDirectory().resolve(recordId(only.orElse("all")) + "-first-run");
        log.info("Running the prompt tests" + only.map(p -> " of " + p).orElse("") + " as they are ...");
        RunReport first = firstRun.run(only, directory);
        warnIfSimulated(first.model(), "the target model", log);
        return new ProjectTuning(config, runner, models, project, log, first);
    }

    /**
     * Estimates each prompt's tune before any model call and prints the estimates: an upper bound on calls, tokens
     * and cost for the configured iterations ({@link TuneEstimate}).
     *
     * @param casesByPrompt each prompt's discovered cases, e.g. from the launcher's discovery
     * @param heldOutByPrompt each prompt's held-out cases as {@code class[model]#method#id}, for what its confirmation
     *     cases can adopt; a prompt missing here gets no such line
     * @param models the tune's optimizer and critic, for their prices
     */
    public static Map<String, TuneEstimate> estimate(
            RptConfig config,
            Map<String, Integer> casesByPrompt,
            Map<String, List<String>> heldOutByPrompt,
            TuneModels models,
            Project project,
            Log log) {
        AdoptionPolicy adoption = AdoptionPolicy.from(config);
        TuneSettings settings = TuneSettings.from(config);
        Optional<RunReport> lastRun = lastRun(project);
        List<String> controlModels = new ArrayList<>();
        models.optimizer().ifPresent(model -> controlModels.add(model.info().model()));
        models.critic().ifPresent(model -> controlModels.add(model.info().model()));
        PriceTable prices = PriceTable.from(config);
        String target = config.string(RptConstants.MODEL).orElse("sim");
        int repeat = config.integer(RptConstants.REPEAT, 1, 1000).orElse(1);
        Map<String, TuneEstimate> estimates = new LinkedHashMap<>();
        casesByPrompt.forEach((prompt, cases) -> {
            TuneEstimate estimate = TuneEstimate.of(
                    prompt,
                    cases,
                    repeat,
                    settings,
                    models.critic().isPresent() && settings.maxCritiques() > 0,
                    lastRun,
                    prices,
                    target,
                    controlModels);
            estimate.lines(settings).forEach(log::info);
            List<String> heldOut = heldOutByPrompt.get(prompt);
            if (heldOut != null) {
                AdoptionReach reach = AdoptionReach.of(prompt, heldOut, adoption);
                reach.lines(adoption).forEach(reach.tooSmall() ? log::warn : log::info);
            }
            estimates.put(prompt, estimate);
        });
        return estimates;
    }

    /** Whether {@code rpt.tune.estimate-only} asks for the estimate alone, with no model call. */
    public static boolean estimateOnly(RptConfig config) {
        return config.choice(RptConstants.TUNE_ESTIMATE_ONLY, List.of("true", "false"))
                .map(Boolean::parseBoolean)
                .orElse(false);
    }

    /** The estimates printed before the run, so that each tune ends with what it spent against its estimate. */
    public void expect(Map<String, TuneEstimate> estimates) {
        this.estimates = Map.copyOf(estimates);
    }

    private static Optional<RunReport> lastRun(Project project) {
        Path file = project.buildDirectory().resolve("rpt").resolve(RunReportWriter.LAST_RUN);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunReport.read(file));
        } catch (IOException e) {
            // An unreadable old report only costs the estimate its measured tokens; the default stands in.
            return Optional.empty();
        }
    }

    /** The prompts to work on: {@code rpt.tune.prompt}, or every prompt the first run's classes name, in order. */
    public List<String> prompts() {
        return prompts(config, firstRun);
    }

    static List<String> prompts(RptConfig config, RunReport firstRun) {
        Optional<String> only = config.string(RptConstants.TUNE_PROMPT);
        List<String> named = new ArrayList<>(firstRun.classes().stream()
                .map(ClassInfo::promptPath)
                .distinct()
                .toList());
        if (only.isPresent()) {
            if (!named.contains(only.get())) {
                throw new ConfigException(RptConstants.TUNE_PROMPT + "=" + only.get()
                        + " names a prompt no prompt test class uses. Prompts with tests: " + named + ".");
            }
            return List.of(only.get());
        }
        if (named.isEmpty()) {
            throw new ConfigException("No prompt test class ran, so there is no prompt to work on.");
        }
        return named;
    }

    /**
     * Tunes one prompt, or resumes its unfinished tune when {@code rpt.tune.resume} is set, and writes the HTML report
     * of the best iteration into the record and as {@code <build>/rpt/report.html}.
     *
     * @throws TuneStopped when a budget or the provider stopped the tune before it could finish
     */
    public TuneResult tune(String prompt) throws IOException {
        Path source = project.promptSource(prompt);
        MetricBounds goals = Goals.strictest(firstRun.classes(), prompt);
        log.info("Tuning " + prompt + " (" + source + "), goals: " + goals.describe()
                + (settings.dryRun() ? "; dry run, the file stays as it is" : ""));
        Tuner tuner = new Tuner(
                settings,
                AdoptionPolicy.from(config),
                models.optimizer().orElseThrow(),
                diagnosticFunction(prompt, goals),
                models.ledger(),
                log::info);
        TuneResult result;
        Optional<Path> unfinished = resume()
                ? TuneCheckpoint.findUnfinished(project.tuneDirectory(), recordSuffix(prompt))
                : Optional.empty();
        if (unfinished.isPresent()) {
            result = tuner.resume(source, goals, TuneCheckpoint.load(unfinished.get()));
        } else {
            if (resume()) {
                log.info("Nothing to resume for " + prompt + " under " + project.tuneDirectory() + "; starting anew.");
            }
            result = tuner.tune(source, goals, project.tuneDirectory().resolve(recordId(prompt)));
        }
        logOutcome(result, source);
        logSpent(prompt, result);
        writeHtmlReport(result);
        return result;
    }

    /**
     * Runs the diagnostic function once on a prompt as it is (no optimizer), prints its failure modes and writes the
     * diagnostic report.
     *
     * @return the diagnostic report's file
     */
    public Path diagnose(String prompt) throws IOException {
        Path file = project.promptSource(prompt);
        Path directory = Files.createDirectories(project.tuneDirectory().resolve(recordId(prompt) + "-diagnose"));
        Evaluation evaluation = diagnosticFunction(prompt, Goals.strictest(firstRun.classes(), prompt))
                .evaluate(1, PromptFile.parse(file), List.of(), directory);
        Path report = directory.resolve("diagnostic.json");
        AtomicFiles.writeString(report, evaluation.report());
        log.info("Failure modes of " + prompt + " (optimization split):");
        TuneOutput.failureModes(evaluation.report()).forEach(line -> log.info("  " + line));
        log.info("Diagnostic report: " + report);
        return report;
    }

    /** Repeats, after the work, that the target was the simulator: the warning at the start has scrolled away. */
    public void remindIfSimulated() {
        warnIfSimulated(firstRun.model(), "the target model", log);
    }

    private DiagnosticFunction diagnosticFunction(String prompt, MetricBounds goals) {
        return DiagnosticFunctions.create(
                runner, prompt, goals, models.critic(), models.embeddings(), models.critiques(), settings, config);
    }

    private boolean resume() {
        return config.choice(RptConstants.TUNE_RESUME, List.of("true", "false"))
                .map(Boolean::parseBoolean)
                .orElse(false);
    }

    private void logOutcome(TuneResult result, Path source) {
        log.info("Stopped: " + result.stopReason());
        if (result.diff().isEmpty()) {
            log.info("No candidate beat the seed on the selection cases; " + source + " is unchanged.");
        } else {
            log.info("Best candidate (iteration " + result.best().iteration() + ") against the seed:");
            result.diff().lines().forEach(log::info);
            result.adoptionLines().forEach(log::info);
            if (result.written()) {
                log.info("Wrote the best candidate to " + source + ".");
            } else if (settings.dryRun()) {
                log.info("Dry run: " + source + " is unchanged; the diff is in the record.");
            } else {
                log.info(source + " is unchanged; the candidate's diff is in the record.");
            }
        }
        TuneOutput.summaryTable(result.seed(), result.best()).forEach(log::info);
        log.info("Record (every candidate, report, transcript and diff): " + result.record());
    }

    /** What the tune spent, read back from its summary, against the estimate printed before the run. */
    private void logSpent(String prompt, TuneResult result) throws IOException {
        TuneEstimate estimate = estimates.get(prompt);
        if (estimate == null) {
            return;
        }
        SummaryJson.UsageJson spent =
                SummaryJson.read(new RecordLayout(result.record()).summary()).usage();
        log.info(String.format(
                Locale.ROOT,
                "Spent %,d calls (%,d cached), %,d tokens, cost %s; estimated at most %,d calls, %,d tokens, cost %s.",
                spent.calls(),
                spent.cachedCalls(),
                spent.tokens(),
                spent.costUsd().isPresent()
                        ? String.format(Locale.ROOT, "$%.4f", spent.costUsd().getAsDouble())
                        : "unknown",
                estimate.calls(),
                estimate.tokens(),
                estimate.costUsd().isPresent()
                        ? String.format(Locale.ROOT, "$%.4f", estimate.costUsd().getAsDouble())
                        : "unknown"));
    }

    private void writeHtmlReport(TuneResult result) throws IOException {
        Path bestRun = new RecordLayout(result.record())
                .iteration(result.best().iteration())
                .reportDirectory()
                .resolve(RunReportWriter.LAST_RUN);
        String html = HtmlReport.render(
                RunReport.read(bestRun), Optional.of(TuneRecord.read(result.record())), MetricsOptions.from(config));
        AtomicFiles.writeString(result.record().resolve(HtmlReport.FILE_NAME), html);
        Path latest = project.buildDirectory().resolve("rpt").resolve(HtmlReport.FILE_NAME);
        AtomicFiles.writeString(latest, html);
        log.info("HTML report: " + latest);
    }

    /** A fresh id for a record directory: a UTC timestamp and the prompt's file name. */
    static String recordId(String promptResource) {
        return STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + recordSuffix(promptResource);
    }

    /** The part of a record id that names the prompt, e.g. {@code math-solver}. */
    static String recordSuffix(String promptResource) {
        String name = Path.of(promptResource).getFileName().toString().replaceFirst("\\.prompt$", "");
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void warnIfSimulated(Optional<ChatModel> model, String role, Log log) {
        model.map(ChatModel::info).ifPresent(info -> warnIfSimulated(info, role, log));
    }

    private static void warnIfSimulated(ModelInfo model, String role, Log log) {
        model.simulatorWarning(role).forEach(log::warn);
    }
}
