package hub.classifier.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringTokenizer;

/** Predicts the label of the nearest class centroid (squared Euclidean distance). */
public final class NearestCentroid {
    private final List<String> labels;
    private final double[][] centroids;

    private NearestCentroid(List<String> labels, double[][] centroids) {
        this.labels = List.copyOf(labels);
        this.centroids = centroids;
    }

    /**
     * A model whose centroids are all zero.
     *
     * @param classes number of classes
     * @param features number of features
     * @return the model
     */
    public static NearestCentroid untrained(int classes, int features) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            labels.add("class" + i);
        }
        return new NearestCentroid(labels, new double[classes][features]);
    }

    /**
     * Reads centroids: one line per class, a label then the feature values; '#' starts a comment.
     *
     * @param in the weights file
     * @return the model
     * @throws IOException if the file cannot be read or is malformed
     */
    public static NearestCentroid read(InputStream in) throws IOException {
        List<String> labels = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            StringTokenizer parts = new StringTokenizer(line); // splits on whitespace without compiling a regex
            String label = parts.nextToken();
            double[] row = new double[parts.countTokens()];
            for (int i = 0; i < row.length; i++) {
                row[i] = Double.parseDouble(parts.nextToken());
            }
            labels.add(label);
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IOException("no centroids in the weights file");
        }
        return new NearestCentroid(labels, rows.toArray(new double[0][]));
    }

    /**
     * Predicts a label.
     *
     * @param m the measurement
     * @return the label of the nearest centroid
     */
    public String predict(Measurement m) {
        double[] x = m.features();
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < centroids.length; c++) {
            double d = 0;
            for (int i = 0; i < x.length; i++) {
                d += (x[i] - centroids[c][i]) * (x[i] - centroids[c][i]);
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return labels.get(best);
    }

    @Override
    public String toString() {
        return "NearestCentroid" + labels + " over " + centroids[0].length + " features";
    }
}
