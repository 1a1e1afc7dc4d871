package dev.rpt.tools.tune;

import dev.rpt.core.files.AtomicFiles;
import dev.rpt.core.model.ChatResponse;
import dev.rpt.core.model.runtime.UsageSnapshot;
import dev.rpt.prompt.PromptFile;
import dev.rpt.tools.gate.PairedImprovement;
import dev.rpt.tools.record.DecisionJson;
import dev.rpt.tools.record.RecordLayout;
import dev.rpt.tools.record.SummaryJson;
import dev.rpt.tools.record.TranscriptLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The record of one tune under {@code target/rpt/tune/<id>/}: per iteration the candidate prompt, its run report,
 * its diagnostic report and the diff against the previous candidate; the optimizer transcript as JSONL; and
 * {@code summary.json} with the trajectory. No API key is ever part of what it writes: requests carry none.
 */
final class TuneRecorder {

    private final RecordLayout layout;

    private TuneRecorder(Path directory) {
        this.layout = new RecordLayout(directory);
    }

    static TuneRecorder create(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new TuneRecorder(directory);
    }

    Path directory() {
        return layout.directory();
    }

    Path iterationDirectory(int iteration) throws IOException {
        return Files.createDirectories(layout.iteration(iteration).directory());
    }

    /**
     * The iteration's candidate, diagnostic report and diff, each written atomically. The diagnostic report is written
     * last: its presence marks the iteration complete for a resume.
     */
    void evaluation(Evaluation evaluation, PromptFile previous) throws IOException {
        iterationDirectory(evaluation.iteration());
        RecordLayout.Iteration files = layout.iteration(evaluation.iteration());
        AtomicFiles.writeString(files.candidate(), evaluation.candidate().text());
        AtomicFiles.writeString(
                files.diff(),
                PromptDiff.unified(
                        files.candidate().getFileName().toString(),
                        previous.text(),
                        evaluation.candidate().text()));
        AtomicFiles.writeString(files.diagnostic(), evaluation.report());
    }

    void patch(int afterIteration, DecisionJson decision) throws IOException {
        iterationDirectory(afterIteration);
        decision.write(layout.iteration(afterIteration).decision());
    }

    void transcript(int iteration, ChatResponse response) {
        try {
            Files.writeString(
                    layout.transcript(),
                    TranscriptLine.of(iteration, response).toJson() + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot append to the tune transcript in " + directory(), e);
        }
    }

    /** The summary, written last: once it exists the record is finished and a resume leaves it alone. */
    void summary(TuneResult result, TuneSettings settings, UsageSnapshot usage) throws IOException {
        double brierWeight = settings.brierWeight();
        if (!result.diff().isEmpty()) {
            AtomicFiles.writeString(layout.bestDiff(), result.diff());
        }
        new SummaryJson(
                        SummaryJson.SCHEMA_VERSION,
                        result.stopReason(),
                        result.seed().iteration(),
                        result.best().iteration(),
                        result.written(),
                        brierWeight,
                        result.iterations().stream()
                                .map(evaluation -> new SummaryJson.IterationJson(
                                        evaluation.iteration(),
                                        SummaryJson.ScoresJson.of(evaluation.tune()),
                                        SummaryJson.ScoresJson.of(evaluation.holdout()),
                                        evaluation.holdoutScore(settings.objective(), brierWeight),
                                        evaluation.failureModes(),
                                        Optional.of(SummaryJson.ScoresJson.of(evaluation.confirm())),
                                        settings.objective().repeats()
                                                ? Optional.of(new SummaryJson.ReliabilitiesJson(
                                                        reliability(evaluation.tuneReliability()),
                                                        reliability(evaluation.selectionReliability())))
                                                : Optional.empty()))
                                .toList(),
                        new SummaryJson.UsageJson(
                                usage.calls(),
                                usage.cachedCalls(),
                                usage.usage().totalTokens(),
                                usage.costUsd()),
                        Optional.of(adoption(result.adoption())),
                        Optional.of(settings.objectiveLabel()))
                .write(layout.summary());
    }

    private static SummaryJson.ReliabilityJson reliability(Reliability reliability) {
        return new SummaryJson.ReliabilityJson(
                reliability.cases(), reliability.passRate(), reliability.passAll(), reliability.unstable());
    }

    private static SummaryJson.AdoptionJson adoption(Adoption adoption) {
        Optional<PairedImprovement> c = adoption.confirmation().filter(improvement -> improvement.cases() > 0);
        return new SummaryJson.AdoptionJson(
                adoption.adopted(),
                adoption.reason(),
                c.map(PairedImprovement::cases).orElse(0),
                c.map(i -> OptionalDouble.of(i.before())).orElse(OptionalDouble.empty()),
                c.map(i -> OptionalDouble.of(i.after())).orElse(OptionalDouble.empty()),
                c.map(i -> List.of(i.lower(), i.upper())).orElse(null),
                c.map(i -> OptionalDouble.of(i.pValue())).orElse(OptionalDouble.empty()),
                c.map(PairedImprovement::test).orElse(""));
    }
}
