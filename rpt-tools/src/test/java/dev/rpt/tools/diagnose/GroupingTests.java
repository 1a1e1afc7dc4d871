package dev.rpt.tools.diagnose;

import static dev.rpt.tools.diagnose.Fixtures.WRONG;
import static dev.rpt.tools.diagnose.Fixtures.caseId;
import static dev.rpt.tools.diagnose.Fixtures.critique;
import static dev.rpt.tools.diagnose.Fixtures.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rpt.api.Usage;
import dev.rpt.chat.ChatRequest;
import dev.rpt.core.model.EmbeddingModel;
import dev.rpt.core.model.Embeddings;
import dev.rpt.core.model.ModelInfo;
import dev.rpt.core.model.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupingTests {

    private static final List<String> NUMBER_LABELS =
            List.of("wrong final number", "incorrect final number", "final number is wrong");
    private static final List<String> FORMAT_LABELS = List.of(
            "several numbers given", "answer lists many numbers", "multiple candidate numbers", "extra numbers");

    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Number labels point along x, format labels along y, each with a small distinct tilt. */
    static final class TwoClusterEmbeddings implements EmbeddingModel {
        final List<List<String>> calls = new CopyOnWriteArrayList<>();

        @Override
        public Embeddings embed(List<String> texts) {
            calls.add(List.copyOf(texts));
            List<double[]> vectors = new ArrayList<>();
            for (String text : texts) {
                double tilt = 0.02 * (Math.floorMod(text.hashCode(), 5) + 1);
                if (NUMBER_LABELS.contains(text)) {
                    vectors.add(new double[] {1, tilt, 0.01});
                } else if (FORMAT_LABELS.contains(text)) {
                    vectors.add(new double[] {tilt, 1, 0.01});
                } else {
                    vectors.add(new double[] {0, 0, 1});
                }
            }
            return new Embeddings(vectors, Usage.ZERO);
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("fake", "embed", true);
        }
    }

    private static LabelStats stats(String label, int cases) {
        return new LabelStats(Labels.key(label), label, "def of " + label, cases);
    }

    @Test
    void embeddingsSplitTwoObviousClustersAndNameEachByItsMostFrequentLabel() {
        List<LabelStats> labels = new ArrayList<>();
        NUMBER_LABELS.forEach(l -> labels.add(stats(l, l.equals("incorrect final number") ? 5 : 1)));
        FORMAT_LABELS.forEach(l -> labels.add(stats(l, l.equals("extra numbers") ? 4 : 2)));

        Map<String, ModeName> modes = new EmbeddingGrouping(new TwoClusterEmbeddings()).group(labels);

        NUMBER_LABELS.forEach(l -> assertThat(modes.get(Labels.key(l)).label()).isEqualTo("incorrect final number"));
        FORMAT_LABELS.forEach(l -> assertThat(modes.get(Labels.key(l)).label()).isEqualTo("extra numbers"));
        assertThat(modes.get("extra numbers").definition()).isEqualTo("def of extra numbers");
    }

    @Test
    void embeddingsKeepAThirdDistinctTopicApart() {
        List<LabelStats> labels = new ArrayList<>();
        NUMBER_LABELS.forEach(l -> labels.add(stats(l, 1)));
        FORMAT_LABELS.forEach(l -> labels.add(stats(l, 1)));
        labels.add(stats("refuses to answer", 1));

        Map<String, ModeName> modes = new EmbeddingGrouping(new TwoClusterEmbeddings()).group(labels);

        assertThat(modes.values().stream().map(ModeName::label).distinct()).hasSize(3);
        assertThat(modes.get("refuses to answer").label()).isEqualTo("refuses to answer");
    }

    @Test
    void theAnalyzerGroupsByEmbeddingsWhenItHasAnEmbeddingModel() {
        List<String> all = new ArrayList<>(NUMBER_LABELS);
        all.addAll(FORMAT_LABELS);
        ScriptedChatModel critic =
                new ScriptedChatModel(request -> critique(all.get(Integer.parseInt(caseId(request)))));
        List<FailedCase> failures = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            failures.add(failure(String.valueOf(i), "value", WRONG));
        }
        TwoClusterEmbeddings embeddings = new TwoClusterEmbeddings();

        FailureAnalysis analysis =
                new CriticAnalyzer(critic, Optional.of(embeddings), executor, 40).analyze("task", failures);

        assertThat(analysis.grouping()).isEqualTo(Grouping.EMBEDDINGS);
        assertThat(embeddings.calls).hasSize(1);
        assertThat(critic.requestsNamed("failure_grouping")).isEmpty();
        assertThat(analysis.modes()).extracting(FailureMode::count).containsExactly(4, 3);
        assertThat(analysis.modes().get(0).prevalence()).isEqualTo(4.0 / 7);
    }

    @Test
    void failingEmbeddingsFallBackToTheGroupingCall() {
        EmbeddingModel broken = new EmbeddingModel() {
            @Override
            public Embeddings embed(List<String> texts) {
                throw new TransportException("connection reset", null);
            }

            @Override
            public ModelInfo info() {
                return new ModelInfo("fake", "embed", true);
            }
        };
        ScriptedChatModel critic =
                new ScriptedChatModel(request -> request.responseFormat().name().equals("failure_grouping")
                        ? "{\"groups\":[{\"label\":\"number trouble\",\"definition\":\"d\",\"members\":[\"a b\",\"c d\"]}]}"
                        : critique(caseId(request).equals("1") ? "a b" : "c d"));

        FailureAnalysis analysis = new CriticAnalyzer(critic, Optional.of(broken), executor, 40)
                .analyze("task", List.of(failure("1", "value", WRONG), failure("2", "value", WRONG)));

        assertThat(analysis.grouping()).isEqualTo(Grouping.LLM);
        assertThat(analysis.modes())
                .extracting(FailureMode::label, FailureMode::count)
                .containsExactly(tuple("number trouble", 2));
    }

    @Test
    void theGroupingCallFollowsTheContractAndMapsMembers() throws Exception {
        ScriptedChatModel critic = new ScriptedChatModel(request -> "{\"groups\":["
                + "{\"label\":\"wrong final number\",\"definition\":\"The final number is wrong.\","
                + "\"members\":[\"Wrong final number\",\"incorrect final number\",\"not a given label\"]},"
                + "{\"label\":\"other\",\"definition\":\"x\",\"members\":[\"incorrect final number\"]}]}");
        List<LabelStats> labels =
                List.of(stats("Wrong final number", 3), stats("incorrect final number", 1), stats("extra numbers", 2));

        Map<String, ModeName> modes = new LlmGrouping(critic).group(labels);

        ChatRequest request = critic.requests.get(0);
        assertThat(request.responseFormat().name()).isEqualTo("failure_grouping");
        JsonNode schema =
                Fixtures.JSON.readTree(request.responseFormat().schema().json());
        assertThat(schema.path("required").toString()).isEqualTo("[\"groups\"]");
        assertThat(schema.at("/properties/groups/items/required").toString())
                .isEqualTo("[\"label\",\"definition\",\"members\"]");
        assertThat(schema.at("/properties/groups/items/properties/members/items/type")
                        .asText())
                .isEqualTo("string");
        JsonNode user = Fixtures.userJson(request);
        assertThat(user.path("labels")).hasSize(3);
        assertThat(user.at("/labels/0/label").asText()).isEqualTo("Wrong final number");
        assertThat(user.at("/labels/0/count").asInt()).isEqualTo(3);
        assertThat(modes.get("wrong final number").label()).isEqualTo("wrong final number");
        assertThat(modes.get("incorrect final number").definition()).isEqualTo("The final number is wrong.");
        // A label the reply does not place stays a mode of its own.
        assertThat(modes.get("extra numbers").label()).isEqualTo("extra numbers");
    }

    @Test
    void exactGroupingMergesOnlySpellingVariants() {
        ScriptedChatModel critic =
                new ScriptedChatModel(request -> request.responseFormat().name().equals("failure_grouping")
                        ? "{\"groups\": \"nope\"}"
                        : critique(
                                switch (caseId(request)) {
                                    case "1", "2" -> "Wrong final number";
                                    case "3" -> "wrong  final number.";
                                    default -> "extra numbers";
                                }));
        List<FailedCase> failures = List.of(
                failure("1", "value", WRONG),
                failure("2", "value", WRONG),
                failure("3", "value", WRONG),
                failure("4", "value", WRONG));

        FailureAnalysis analysis = new CriticAnalyzer(critic, Optional.empty(), executor, 40).analyze("task", failures);

        assertThat(analysis.grouping()).isEqualTo(Grouping.EXACT);
        assertThat(analysis.modes())
                .extracting(FailureMode::label, FailureMode::count)
                .containsExactly(tuple("Wrong final number", 3), tuple("extra numbers", 1));
    }
}
