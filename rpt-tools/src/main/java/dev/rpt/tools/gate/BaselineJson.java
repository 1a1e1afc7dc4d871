package dev.rpt.tools.gate;

import static dev.rpt.core.files.JsonChecks.count;
import static dev.rpt.core.files.JsonChecks.list;
import static dev.rpt.core.files.JsonChecks.present;
import static dev.rpt.core.files.JsonChecks.text;
import static dev.rpt.core.files.JsonChecks.unit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.core.calibration.CaseOutcome;
import dev.rpt.core.calibration.Verdict;
import dev.rpt.core.files.JsonFileException;
import dev.rpt.core.files.JsonFiles;
import dev.rpt.core.model.ModelInfo;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one owner of the baseline file's JSON shape: records bound by Jackson ({@link JsonFiles}), in a fixed field
 * order so that a committed baseline diffs well. Reading checks what the types cannot say (a repeated case lists every
 * sample, confidences are in [0, 1]) and names the field of any problem.
 *
 * <p>Versions: 1, a baseline of one run; 2, a pooled baseline, which adds {@code pooledRuns}. A baseline of one run is
 * still written as version 1, so a version-1 file reads and writes back byte for byte. A file of another version fails
 * with the one-line fix.
 */
final class BaselineJson {

    private BaselineJson() {}

    static void write(Baseline baseline, Path file) {
        try {
            JsonFiles.write(file, FileJson.of(baseline));
        } catch (IOException e) {
            throw new BaselineException(
                    "Cannot write the baseline " + file + ": " + e + ". Check that its directory is writable.", e);
        }
    }

    static Baseline read(Path file) {
        try {
            JsonNode tree = JsonFiles.readTree(file);
            if (!tree.isObject()) {
                throw new JsonFileException("the top level", "must be a JSON object, and the file holds another value");
            }
            int version = JsonFiles.version(tree, "schemaVersion");
            if (version != Baseline.SCHEMA_VERSION && version != Baseline.POOLED_SCHEMA_VERSION) {
                throw new JsonFileException(
                        "schemaVersion",
                        "must be " + Baseline.SCHEMA_VERSION + " or " + Baseline.POOLED_SCHEMA_VERSION + ", got "
                                + tree.path("schemaVersion")
                                + "; write the baseline again with this version of rpt (`mvn verify rpt:baseline`)");
            }
            return JsonFiles.bind(tree, FileJson.class).toBaseline();
        } catch (NoSuchFileException e) {
            throw new BaselineException(
                    "There is no baseline at " + file + ". Take one from a passing run with `mvn"
                            + " verify rpt:baseline` and commit it, or point rpt.check.baseline at yours.",
                    e);
        } catch (JsonFileException e) {
            throw new BaselineException(
                    "The baseline " + file + " is invalid: " + e.field() + " " + e.problem()
                            + ". Restore it from version control or write it again with `mvn rpt:baseline`.",
                    e);
        } catch (IOException e) {
            throw new BaselineException("Cannot read the baseline " + file + ": " + e, e);
        }
    }

    /** The whole file. */
    @JsonPropertyOrder({"schemaVersion", "runId", "pooledRuns", "model", "classes"})
    record FileJson(
            Integer schemaVersion,
            String runId,

            @com.fasterxml.jackson.annotation.JsonInclude(
                    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
            List<String> pooledRuns,

            ModelJson model,
            List<ClassJson> classes) {

        FileJson {
            text(runId, "runId");
            present(model, "model");
            classes = list(present(classes, "classes"));
            pooledRuns = pooledRuns == null ? List.of() : pooledRuns;
        }

        static FileJson of(Baseline baseline) {
            return new FileJson(
                    baseline.pooledRuns().isEmpty() ? Baseline.SCHEMA_VERSION : Baseline.POOLED_SCHEMA_VERSION,
                    baseline.runId(),
                    baseline.pooledRuns(),
                    new ModelJson(
                            baseline.model().provider(),
                            baseline.model().model(),
                            baseline.model().simulated()),
                    baseline.classes().stream().map(ClassJson::of).toList());
        }

        Baseline toBaseline() {
            return new Baseline(
                    runId,
                    new ModelInfo(model.provider(), model.model(), Boolean.TRUE.equals(model.simulated())),
                    classes.stream().map(ClassJson::toClass).toList(),
                    pooledRuns);
        }
    }

    @JsonPropertyOrder({"provider", "model", "simulated"})
    record ModelJson(String provider, String model, Boolean simulated) {

        ModelJson {
            text(provider, "provider");
            text(model, "model");
        }
    }

    @JsonPropertyOrder({"className", "model", "prompt", "metrics", "cases"})
    record ClassJson(
            String className,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> model,
            PromptJson prompt,
            MetricsJson metrics,
            List<CaseJson> cases) {

        ClassJson {
            text(className, "className");
            model = model == null ? Optional.empty() : model;
            present(prompt, "prompt");
            present(metrics, "metrics");
            cases = list(present(cases, "cases"));
        }

        static ClassJson of(BaselineClass entry) {
            BaselineMetrics m = entry.metrics();
            return new ClassJson(
                    entry.className(),
                    entry.model(),
                    new PromptJson(entry.promptPath(), entry.promptSha256()),
                    new MetricsJson(m.n(), m.errored(), m.accuracy(), m.ece(), m.brier(), m.errorRate()),
                    entry.cases().stream().map(CaseJson::of).toList());
        }

        BaselineClass toClass() {
            return new BaselineClass(
                    className,
                    prompt.path(),
                    prompt.sha256(),
                    new BaselineMetrics(
                            metrics.n(),
                            metrics.errored(),
                            metrics.accuracy(),
                            metrics.ece(),
                            metrics.brier(),
                            metrics.errorRate()),
                    cases.stream().map(CaseJson::toCase).toList(),
                    model);
        }
    }

    @JsonPropertyOrder({"path", "sha256"})
    record PromptJson(String path, String sha256) {

        PromptJson {
            text(path, "path");
            text(sha256, "sha256");
        }
    }

    @JsonPropertyOrder({"n", "errored", "accuracy", "ece", "brier", "errorRate"})
    record MetricsJson(
            Integer n,
            Integer errored,
            OptionalDouble accuracy,
            OptionalDouble ece,
            OptionalDouble brier,
            OptionalDouble errorRate) {

        MetricsJson {
            count(n, "n");
            count(errored, "errored");
            accuracy = unit(accuracy, "accuracy");
            ece = unit(ece, "ece");
            brier = unit(brier, "brier");
            errorRate = unit(errorRate, "errorRate");
        }
    }

    @JsonPropertyOrder({
        "method",
        "id",
        "outcome",
        "confidence",
        "samples",
        "passes",
        "sampleOutcomes",
        "judged",
        "answer"
    })
    record CaseJson(
            String method,
            String id,
            String outcome,
            OptionalDouble confidence,
            Integer samples,
            Integer passes,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SampleJson> sampleOutcomes,
            @JsonInclude(JsonInclude.Include.NON_NULL) JudgedJson judged,
            @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> answer) {

        CaseJson {
            answer = answer == null ? Optional.empty() : answer;
            text(method, "method");
            text(id, "id");
            verdict(outcome, "outcome");
            confidence = unit(confidence, "confidence");
            count(samples, "samples");
            count(passes, "passes");
            sampleOutcomes = list(sampleOutcomes);
            if (samples < 1 || passes > samples) {
                throw new IllegalArgumentException("samples: needs samples >= 1 and passes <= samples, got samples "
                        + samples + " and passes " + passes);
            }
            if (samples > 1 && sampleOutcomes.size() != samples) {
                throw new IllegalArgumentException("sampleOutcomes: must list all " + samples
                        + " samples of the case, got " + sampleOutcomes.size());
            }
            long passed = sampleOutcomes.stream()
                    .filter(sample -> verdict(sample.outcome(), "outcome") == Verdict.PASSED)
                    .count();
            if (samples > 1 && passed != passes) {
                throw new IllegalArgumentException(
                        "passes: is " + passes + ", but " + passed + " of its sampleOutcomes passed");
            }
        }

        static CaseJson of(BaselineCase c) {
            return new CaseJson(
                    c.method(),
                    c.id(),
                    name(c.verdict()),
                    c.confidence(),
                    c.samples(),
                    c.passes(),
                    c.sampleOutcomes().stream()
                            .map(sample -> new SampleJson(name(sample.verdict()), sample.confidence()))
                            .toList(),
                    c.judged().map(JudgedJson::of).orElse(null),
                    c.answer());
        }

        BaselineCase toCase() {
            return new BaselineCase(
                    method,
                    id,
                    verdict(outcome, "outcome"),
                    confidence,
                    samples,
                    passes,
                    sampleOutcomes.stream()
                            .map(sample ->
                                    new CaseOutcome(verdict(sample.outcome(), "outcome"), sample.confidence(), false))
                            .toList(),
                    Optional.ofNullable(judged).map(JudgedJson::toJudged),
                    answer);
        }
    }

    /** The judge's verdicts on a case's first scored answer, added in rpt 0.2 (optional, so schemaVersion stays 1). */
    @JsonPropertyOrder({"answerSha256", "verdicts"})
    record JudgedJson(String answerSha256, List<VerdictJson> verdicts) {

        JudgedJson {
            text(answerSha256, "answerSha256");
            verdicts = list(present(verdicts, "verdicts"));
        }

        static JudgedJson of(JudgedAnswer judged) {
            return new JudgedJson(
                    judged.answerSha256(),
                    judged.verdicts().stream()
                            .map(v -> new VerdictJson(v.criterion(), v.probability(), v.met()))
                            .toList());
        }

        JudgedAnswer toJudged() {
            return new JudgedAnswer(
                    answerSha256,
                    verdicts.stream()
                            .map(v -> new JudgedAnswer.CriterionVerdict(v.criterion(), v.probability(), v.met()))
                            .toList());
        }
    }

    @JsonPropertyOrder({"criterion", "probability", "met"})
    record VerdictJson(String criterion, Double probability, Boolean met) {

        VerdictJson {
            text(criterion, "criterion");
            present(probability, "probability");
            present(met, "met");
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability: must be in [0, 1], got " + probability);
            }
        }
    }

    @JsonPropertyOrder({"outcome", "confidence"})
    record SampleJson(String outcome, OptionalDouble confidence) {

        SampleJson {
            Verdict verdict = verdict(outcome, "outcome");
            confidence = unit(confidence, "confidence");
            if (verdict == Verdict.ERRORED && confidence.isPresent()) {
                throw new IllegalArgumentException("confidence: must be null for an errored sample");
            }
        }
    }

    private static String name(Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT);
    }

    private static Verdict verdict(String outcome, String field) {
        text(outcome, field);
        try {
            return Verdict.valueOf(outcome.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": must be passed, failed or errored, got '" + outcome + "'");
        }
    }
}
