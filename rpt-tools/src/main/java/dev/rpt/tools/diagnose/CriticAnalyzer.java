package dev.rpt.tools.diagnose;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.rpt.core.model.ChatModel;
import dev.rpt.core.model.EmbeddingModel;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apiguardian.api.API;

/**
 * The analysis with a critic model, after the RPT paper: the critic names 1-3 failure modes per failed case, and the
 * labels are grouped into recurring modes.
 *
 * <p>At most {@code maxCritiques} cases are critiqued, in parallel on the supplied executor; when there are more
 * failures, the sample is stratified by failure kind and seeded by the case ids. A case outside the sample takes the
 * mode most common among sampled cases with the same deterministic label, or that label itself when none was sampled.
 * A case whose critique fails (model error, invalid JSON, no modes) gets its deterministic label.
 *
 * <p>Grouping: by embeddings and k-means++ when an embedding model is given; otherwise by one {@code failure_grouping}
 * call to the critic; when that fails too, by exact normalized label.
 */
@API(status = INTERNAL, since = "0.1")
public final class CriticAnalyzer implements FailureAnalyzer {

    /** The default of {@code maxCritiques}: the critic calls per evaluation. */
    public static final int DEFAULT_MAX_CRITIQUES = 40;

    private static final System.Logger LOG = System.getLogger(CriticAnalyzer.class.getName());

    private final Critic critic;
    private final List<Attempt> groupings;
    private final Executor executor;
    private final int maxCritiques;

    /**
     * An analyzer.
     *
     * @param critic the critic model; thread-safe, shared by the parallel critiques
     * @param embeddings the model that embeds labels for grouping, if any
     * @param executor runs the critiques; its size bounds their parallelism (together with the model's own limiter)
     * @param maxCritiques the most critic calls per analysis, at least 1
     */
    public CriticAnalyzer(ChatModel critic, Optional<EmbeddingModel> embeddings, Executor executor, int maxCritiques) {
        if (maxCritiques < 1) {
            throw new IllegalArgumentException("maxCritiques must be at least 1, got " + maxCritiques
                    + "; set rpt.diagnose.max-critiques to a positive number (default "
                    + DEFAULT_MAX_CRITIQUES + ")");
        }
        this.critic = new Critic(critic);
        this.executor = Objects.requireNonNull(executor, "executor");
        this.maxCritiques = maxCritiques;
        List<Attempt> chain = new ArrayList<>();
        embeddings.ifPresent(model -> chain.add(new Attempt(Grouping.EMBEDDINGS, new EmbeddingGrouping(model))));
        chain.add(new Attempt(Grouping.LLM, new LlmGrouping(critic)));
        this.groupings = List.copyOf(chain);
    }

    @Override
    public FailureAnalysis analyze(String task, List<FailedCase> failures) {
        if (failures.isEmpty()) {
            return FailureAnalysis.none();
        }
        UniqueIds.check(failures);
        List<FailedCase> sample = StratifiedSample.select(failures, maxCritiques);
        Map<String, List<CritiqueMode>> critiques = critiqueAll(task, sample);
        int criticFailures =
                (int) critiques.values().stream().filter(List::isEmpty).count();
        Map<String, List<CritiqueMode>> labelled = new LinkedHashMap<>();
        for (FailedCase failure : sample) {
            List<CritiqueMode> modes = critiques.get(failure.id());
            labelled.put(failure.id(), modes.isEmpty() ? List.of(MessagePattern.asCritique(failure)) : modes);
        }
        List<LabelStats> labels = stats(labelled);
        Map<String, ModeName> names = new LinkedHashMap<>();
        Grouping grouping = group(labels, names);
        Map<String, List<ModeName>> assignment = new LinkedHashMap<>();
        labelled.forEach((id, modes) -> assignment.put(id, modesOf(modes, names)));
        propagate(failures, sample, assignment);
        Set<String> sampled = new HashSet<>();
        sample.forEach(failure -> sampled.add(failure.id()));
        return ModeTally.tally(failures, assignment, sampled, grouping, sample.size(), criticFailures);
    }

    private Map<String, List<CritiqueMode>> critiqueAll(String task, List<FailedCase> sample) {
        Map<String, CompletableFuture<List<CritiqueMode>>> futures = new LinkedHashMap<>();
        for (FailedCase failure : sample) {
            CompletableFuture<List<CritiqueMode>> future;
            try {
                future = CompletableFuture.supplyAsync(() -> critiqueOrEmpty(task, failure), executor);
            } catch (RuntimeException e) {
                // A rejecting executor (e.g. one shut down by a cancelled run) costs this case its critique only.
                future = CompletableFuture.completedFuture(failed(failure, e));
            }
            futures.put(failure.id(), future);
        }
        Map<String, List<CritiqueMode>> results = new LinkedHashMap<>();
        futures.forEach((id, future) -> {
            try {
                results.put(id, future.join());
            } catch (CompletionException e) {
                results.put(id, List.of());
            }
        });
        return results;
    }

    private List<CritiqueMode> critiqueOrEmpty(String task, FailedCase failure) {
        try {
            return critic.critique(task, failure);
        } catch (RuntimeException e) {
            return failed(failure, e);
        }
    }

    private static List<CritiqueMode> failed(FailedCase failure, RuntimeException e) {
        LOG.log(
                Level.DEBUG,
                () -> "critique of case " + failure.id() + " failed, using its deterministic label: "
                        + e.getClass().getSimpleName() + ": " + Labels.clip(e.getMessage(), 200));
        return List.of();
    }

    private static List<LabelStats> stats(Map<String, List<CritiqueMode>> labelled) {
        Map<String, Map<String, Integer>> spellings = new LinkedHashMap<>();
        Map<String, String> definitions = new LinkedHashMap<>();
        Map<String, Set<String>> cases = new LinkedHashMap<>();
        labelled.forEach((id, modes) -> modes.forEach(mode -> {
            String key = Labels.key(mode.label());
            spellings.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(mode.label(), 1, Integer::sum);
            definitions.putIfAbsent(key, mode.definition());
            cases.computeIfAbsent(key, k -> new HashSet<>()).add(id);
        }));
        List<LabelStats> stats = new ArrayList<>();
        spellings.forEach((key, counts) -> {
            String label = counts.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            stats.add(new LabelStats(
                    key, label, definitions.get(key), cases.get(key).size()));
        });
        return stats;
    }

    private Grouping group(List<LabelStats> labels, Map<String, ModeName> names) {
        for (Attempt attempt : groupings) {
            try {
                Map<String, ModeName> result = attempt.grouping.group(labels);
                if (labels.stream().allMatch(stats -> result.containsKey(stats.key()))) {
                    names.putAll(result);
                    return attempt.kind;
                }
            } catch (RuntimeException e) {
                LOG.log(
                        Level.DEBUG,
                        () -> attempt.kind + " grouping failed, trying the next: "
                                + e.getClass().getSimpleName() + ": " + Labels.clip(e.getMessage(), 200));
            }
        }
        names.putAll(new ExactGrouping().group(labels));
        return Grouping.EXACT;
    }

    private static List<ModeName> modesOf(List<CritiqueMode> modes, Map<String, ModeName> names) {
        Set<ModeName> result = new LinkedHashSet<>();
        modes.forEach(mode -> result.add(names.get(Labels.key(mode.label()))));
        return List.copyOf(result);
    }

    // Cases outside the sample: the deterministic label is the best evidence of which critiqued cases they resemble.
    private static void propagate(
            List<FailedCase> failures, List<FailedCase> sample, Map<String, List<ModeName>> assignment) {
        if (sample.size() == failures.size()) {
            return;
        }
        Map<String, Map<ModeName, Integer>> bySignature = new LinkedHashMap<>();
        for (FailedCase failure : sample) {
            Map<ModeName, Integer> counts =
                    bySignature.computeIfAbsent(MessagePattern.label(failure), k -> new LinkedHashMap<>());
            assignment.get(failure.id()).forEach(name -> counts.merge(name, 1, Integer::sum));
        }
        for (FailedCase failure : failures) {
            if (assignment.containsKey(failure.id())) {
                continue;
            }
            Map<ModeName, Integer> counts = bySignature.get(MessagePattern.label(failure));
            ModeName name = counts == null
                    ? new ModeName(MessagePattern.label(failure), MessagePattern.definition(failure))
                    : counts.entrySet().stream()
                            .max(Map.Entry.<ModeName, Integer>comparingByValue()
                                    .thenComparing(e -> e.getKey().label(), Comparator.reverseOrder()))
                            .orElseThrow()
                            .getKey();
            assignment.put(failure.id(), List.of(name));
        }
    }

    private record Attempt(Grouping kind, LabelGrouping grouping) {}
}
