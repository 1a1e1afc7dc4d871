package dev.rpt.tools.diagnose;

import java.util.List;

/** The mean silhouette of a clustering of unit vectors, with Euclidean distance, and centroid helpers. */
final class Silhouette {

    private Silhouette() {}

    /**
     * The mean over all points of {@code (b - a) / max(a, b)}, where {@code a} is the mean distance to the point's own
     * cluster and {@code b} the least mean distance to another cluster; a point alone in its cluster scores 0.
     */
    static double mean(List<? extends List<EmbeddingGrouping.Point>> clusters) {
        double sum = 0;
        int count = 0;
        for (int c = 0; c < clusters.size(); c++) {
            for (EmbeddingGrouping.Point point : clusters.get(c)) {
                count++;
                if (clusters.get(c).size() == 1) {
                    continue;
                }
                double own = meanDistance(point, clusters.get(c), true);
                double nearest = Double.POSITIVE_INFINITY;
                for (int other = 0; other < clusters.size(); other++) {
                    if (other != c) {
                        nearest = Math.min(nearest, meanDistance(point, clusters.get(other), false));
                    }
                }
                double spread = Math.max(own, nearest);
                sum += spread == 0 || Double.isInfinite(nearest) ? 0 : (nearest - own) / spread;
            }
        }
        return count == 0 ? 0 : sum / count;
    }

    private static double meanDistance(
            EmbeddingGrouping.Point point, List<EmbeddingGrouping.Point> cluster, boolean own) {
        double sum = 0;
        for (EmbeddingGrouping.Point other : cluster) {
            sum += distance(point.getPoint(), other.getPoint());
        }
        return sum / (own ? cluster.size() - 1 : cluster.size());
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The cluster's mean vector scaled to length 1 (left as is when it is zero). */
    static double[] unitCentroid(List<EmbeddingGrouping.Point> cluster) {
        double[] centroid = new double[cluster.get(0).getPoint().length];
        for (EmbeddingGrouping.Point point : cluster) {
            for (int i = 0; i < centroid.length; i++) {
                centroid[i] += point.getPoint()[i];
            }
        }
        double norm = Math.sqrt(dot(centroid, centroid));
        if (norm > 0) {
            for (int i = 0; i < centroid.length; i++) {
                centroid[i] /= norm;
            }
        }
        return centroid;
    }
}
