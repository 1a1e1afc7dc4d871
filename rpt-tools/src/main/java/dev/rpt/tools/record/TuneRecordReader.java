package dev.rpt.tools.record;

import dev.rpt.core.calibration.Interval;
import dev.rpt.core.files.JsonFileException;
import dev.rpt.core.protocol.DiagnosticReportFormat;
import dev.rpt.tools.diagnose.DiagnosticReportJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/** Reads the files the tuner writes into a {@link TuneRecord}, through the formats' own records. */
final class TuneRecordReader {

    private TuneRecordReader() {}

    static TuneRecord read(Path directory) throws IOException {
        RecordLayout layout = new RecordLayout(directory);
        if (!layout.finished()) {
            throw new IOException(directory + " is not a tune record: it has no summary.json. Pass the directory of"
                    + " one finished tune, e.g. target/rpt/tune/<id>, or run `mvn rpt:tune` first.");
        }
        SummaryJson summary = SummaryJson.read(layout.summary());
        List<TuneRecord.Iteration> iterations = new ArrayList<>();
        for (SummaryJson.IterationJson entry : summary.iterations()) {
            RecordLayout.Iteration files = layout.iteration(entry.iteration());
            iterations.add(new TuneRecord.Iteration(
                    entry.iteration(),
                    scores(entry.tune()),
                    scores(entry.holdout()),
                    modes(files.diagnostic()),
                    text(files.diff()),
                    // The PATCH that produced iteration N answered iteration N-1's report, so it is stored there.
                    patch(layout.iteration(entry.iteration() - 1).decision()),
                    entry.confirm().map(TuneRecordReader::scores),
                    entry.reliability()));
        }
        return new TuneRecord(
                directory,
                summary.stopReason(),
                summary.bestIteration(),
                summary.written(),
                iterations,
                summary.adoption(),
                summary.objective().orElse("accuracy"));
    }

    static Optional<Path> latest(Path reportDirectory) throws IOException {
        Path tunes = reportDirectory.resolve("tune");
        if (!Files.isDirectory(tunes)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(tunes)) {
            return entries.filter(dir -> new RecordLayout(dir).finished())
                    .max(Comparator.comparing(TuneRecordReader::summaryTime).thenComparing(Path::getFileName));
        }
    }

    private static FileTime summaryTime(Path directory) {
        try {
            return Files.getLastModifiedTime(new RecordLayout(directory).summary());
        } catch (IOException e) {
            return FileTime.fromMillis(0); // vanished while listing: it cannot be the latest
        }
    }

    private static TuneRecord.SplitScores scores(SummaryJson.ScoresJson scores) {
        List<Double> ci = scores.accuracyCi();
        return new TuneRecord.SplitScores(
                scores.n(),
                scores.accuracy(),
                ci == null ? Optional.empty() : Optional.of(new Interval(ci.get(0), ci.get(1))),
                scores.ece(),
                scores.brier());
    }

    private static List<TuneRecord.Mode> modes(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        DiagnosticReportFormat.ReportJson report;
        try {
            report = DiagnosticReportJson.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonFileException e) {
            throw new IOException(
                    file + " is not a diagnostic report the tuner wrote: " + e.getMessage()
                            + ". Re-run `mvn rpt:tune` or remove the record's directory.",
                    e);
        }
        return report.failureModes().stream()
                .map(mode -> new TuneRecord.Mode(
                        mode.label(),
                        mode.definition(),
                        mode.count(),
                        mode.prevalence() == null
                                ? OptionalDouble.empty()
                                : OptionalDouble.of(mode.prevalence().doubleValue()),
                        mode.examples()))
                .toList();
    }

    private static Optional<TuneRecord.Patch> patch(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        DecisionJson decision = DecisionJson.read(file);
        return Optional.of(new TuneRecord.Patch(decision.targets(), decision.rationale()));
    }

    private static Optional<String> text(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
