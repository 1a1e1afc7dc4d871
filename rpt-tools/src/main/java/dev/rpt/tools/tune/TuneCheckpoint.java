package dev.rpt.tools.tune;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.prompt.PromptFile;
import dev.rpt.tools.record.DecisionJson;
import dev.rpt.tools.record.RecordLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * What an interrupted tune left behind, so {@code rpt.tune.resume} can continue it: every completed iteration's
 * candidate, run report and diagnostic report, and the optimizer's last decision. A tune is unfinished while its
 * record has no {@code summary.json}; an iteration counts only when its diagnostic report was written, which happens
 * after its run finished, so a crash mid-iteration just repeats that iteration.
 *
 * @param directory the record directory
 * @param iterations the completed iterations, in order
 * @param pendingPatch the sections and targets of a PATCH decided after the last completed iteration, if any
 */
@API(status = INTERNAL, since = "0.1")
public record TuneCheckpoint(Path directory, List<Iteration> iterations, Optional<Patch> pendingPatch) {

    public TuneCheckpoint {
        iterations = List.copyOf(iterations);
    }

    /**
     * The most recent unfinished record under {@code tuneDirectory} whose name ends with {@code -<suffix>}, if any.
     *
     * @param tuneDirectory e.g. {@code target/rpt/tune}
     * @param suffix the prompt's record suffix, e.g. {@code math-solver}
     */
    public static Optional<Path> findUnfinished(Path tuneDirectory, String suffix) throws IOException {
        if (!Files.isDirectory(tuneDirectory)) {
            return Optional.empty();
        }
        try (Stream<Path> records = Files.list(tuneDirectory)) {
            return records.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().endsWith("-" + suffix))
                    .filter(dir -> !new RecordLayout(dir).finished())
                    .max(Comparator.comparing(dir -> dir.getFileName().toString()));
        }
    }

    /** Reads the completed iterations of a record. */
    public static TuneCheckpoint load(Path directory) throws IOException {
        RecordLayout layout = new RecordLayout(directory);
        List<Iteration> iterations = new ArrayList<>();
        for (int n = 1; ; n++) {
            RecordLayout.Iteration files = layout.iteration(n);
            if (!Files.isRegularFile(files.diagnostic()) || !Files.isRegularFile(files.candidate())) {
                break;
            }
            List<String> targets = n == 1
                    ? List.of()
                    : patch(layout.iteration(n - 1)).map(Patch::targets).orElse(List.of());
            iterations.add(new Iteration(n, PromptFile.parse(files.candidate()), targets, files.directory()));
        }
        Optional<Patch> pending = iterations.isEmpty()
                ? Optional.empty()
                : patch(layout.iteration(iterations.get(iterations.size() - 1).iteration()));
        return new TuneCheckpoint(directory, iterations, pending);
    }

    private static Optional<Patch> patch(RecordLayout.Iteration files) throws IOException {
        if (!Files.isRegularFile(files.decision())) {
            return Optional.empty();
        }
        DecisionJson decision = DecisionJson.read(files.decision());
        return Optional.of(new Patch(
                decision.system(),
                decision.user(),
                decision.targets(),
                decision.toolDescriptions().orElse(Map.of())));
    }

    /**
     * One completed iteration.
     *
     * @param iteration its number
     * @param candidate the prompt it evaluated
     * @param targets the modes of the patch that produced it
     * @param directory its directory in the record
     */
    public record Iteration(int iteration, PromptFile candidate, List<String> targets, Path directory) {
        public Iteration {
            targets = List.copyOf(targets);
        }
    }

    /**
     * A PATCH the optimizer decided but the tune did not evaluate before it stopped.
     *
     * @param system the new system section, if changed
     * @param user the new user section, if changed
     * @param targets the failure modes it targets
     * @param toolDescriptions the tools' descriptions after the patch, by name, when it changed any; empty otherwise
     */
    public record Patch(
            Optional<String> system,
            Optional<String> user,
            List<String> targets,
            Map<String, String> toolDescriptions) {
        public Patch {
            targets = List.copyOf(targets);
            toolDescriptions = Map.copyOf(toolDescriptions);
        }
    }
}
