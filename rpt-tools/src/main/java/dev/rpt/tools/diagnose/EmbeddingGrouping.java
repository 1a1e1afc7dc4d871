package dev.rpt.tools.diagnose;

import dev.rpt.core.model.EmbeddingModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Groups labels by meaning: embeds each distinct label, clusters the unit vectors with k-means++ and names each cluster
 * by its most frequent member label.
 *
 * <p>The rule for k: with at most 3 distinct labels each is its own cluster (there is too little to cluster); otherwise
 * k runs from 2 to {@code min(8, labels - 1)} and the k with the highest mean silhouette wins (the lowest k on a tie).
 * Then clusters whose centroids have a cosine similarity of at least {@value #MERGE_SIMILARITY} are merged, so that
 * near-duplicate labels ("wrong final number", "incorrect final number") never stay apart. Every k-means run uses the
 * same fixed seed, so the grouping is deterministic for the same vectors.
 */
final class EmbeddingGrouping implements LabelGrouping {

    static final int MAX_K = 8;
    static final double MERGE_SIMILARITY = 0.9;
    private static final int MAX_ITERATIONS = 100;
    private static final int SEED = 20_240_917;

    private final EmbeddingModel embeddings;

    EmbeddingGrouping(EmbeddingModel embeddings) {
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
    }

    @Override
    public Map<String, ModeName> group(List<LabelStats> labels) {
        List<double[]> vectors = embeddings
                .embed(labels.stream().map(LabelStats::label).toList())
                .vectors();
        List<Point> points = points(labels, vectors);
        List<List<Point>> clusters = merge(cluster(points));
        Map<String, ModeName> modes = new HashMap<>();
        for (List<Point> cluster : clusters) {
            LabelStats name = cluster.stream()
                    .map(point -> labels.get(point.index))
                    .min(Comparator.comparingInt(LabelStats::cases)
                            .reversed()
                            .thenComparingInt(stats -> stats.label().length())
                            .thenComparing(LabelStats::label))
                    .orElseThrow();
            cluster.forEach(point -> modes.put(labels.get(point.index).key(), ModeName.of(name)));
        }
        return modes;
    }

    private static List<Point> points(List<LabelStats> labels, List<double[]> vectors) {
        if (vectors == null || vectors.size() != labels.size()) {
            throw new IllegalStateException("the embedding model returned "
                    + (vectors == null ? "nothing" : vectors.size() + " vectors") + " for " + labels.size()
                    + " labels");
        }
        int dimensions = vectors.get(0).length;
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            double[] vector = vectors.get(i);
            double norm = 0;
            for (double value : vector) {
                norm += value * value;
            }
            if (vector.length != dimensions || !(norm > 0) || Double.isInfinite(norm)) {
                throw new IllegalStateException("the embedding of label '"
                        + labels.get(i).label() + "' is zero, not finite, or of another dimension");
            }
            double[] unit = new double[dimensions];
            for (int d = 0; d < dimensions; d++) {
                unit[d] = vector[d] / Math.sqrt(norm);
            }
            points.add(new Point(i, unit));
        }
        return points;
    }

    private static List<List<Point>> cluster(List<Point> points) {
        if (points.size() <= 3) {
            return points.stream().map(List::of).toList();
        }
        List<List<Point>> best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 2; k <= Math.min(MAX_K, points.size() - 1); k++) {
            List<List<Point>> clusters;
            try {
                KMeansPlusPlusClusterer<Point> clusterer = new KMeansPlusPlusClusterer<>(
                        k, MAX_ITERATIONS, new EuclideanDistance(), new JDKRandomGenerator(SEED));
                clusters = clusterer.cluster(points).stream()
                        .map(CentroidCluster::getPoints)
                        .filter(members -> !members.isEmpty())
                        .toList();
            } catch (MathIllegalArgumentException | MathIllegalStateException e) {
                // Too few distinct vectors for this k: larger k cannot work either.
                break;
            }
            double score = Silhouette.mean(clusters);
            if (score > bestScore + 1e-12) {
                best = clusters;
                bestScore = score;
            }
        }
        return best == null ? List.of(points) : best;
    }

    private static List<List<Point>> merge(List<List<Point>> clusters) {
        List<List<Point>> merged = new ArrayList<>();
        List<double[]> centroids = new ArrayList<>();
        for (List<Point> cluster : clusters) {
            double[] centroid = Silhouette.unitCentroid(cluster);
            int into = -1;
            for (int i = 0; i < merged.size() && into < 0; i++) {
                if (Silhouette.dot(centroids.get(i), centroid) >= MERGE_SIMILARITY) {
                    into = i;
                }
            }
            if (into < 0) {
                merged.add(new ArrayList<>(cluster));
                centroids.add(centroid);
            } else {
                merged.get(into).addAll(cluster);
                centroids.set(into, Silhouette.unitCentroid(merged.get(into)));
            }
        }
        return merged;
    }

    /** A label's unit vector; {@code index} points into the label list. */
    static final class Point implements Clusterable {
        final int index;
        private final double[] vector;

        Point(int index, double[] vector) {
            this.index = index;
            this.vector = vector;
        }

        @Override
        public double[] getPoint() {
            return vector;
        }
    }
}
