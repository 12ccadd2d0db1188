package hub.classifier;

import hub.classifier.model.Measurement;
import hub.classifier.model.NearestCentroid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A tiny iris flower classifier published as a jhub repository. Its two entries are the public static methods
 * below; their Javadoc is what {@code jhub help} prints.
 */
public final class hubconf {
    /** Modules this repository needs besides its own. */
    public static final String[] dependencies = {"java.base"};

    private hubconf() {
    }

    /**
     * A nearest-centroid classifier for iris flowers.
     *
     * @param pretrained true to load the centroids learnt from Fisher's iris data set (the weights file bundled
     *     with this repository); false for an untrained model whose centroids are all zero
     * @return the model
     */
    public static NearestCentroid model(boolean pretrained) {
        if (!pretrained) {
            return NearestCentroid.untrained(3, 4);
        }
        try (InputStream in = hubconf.class.getResourceAsStream("iris-centroids.txt")) {
            if (in == null) {
                throw new IllegalStateException("iris-centroids.txt is missing from the repository");
            }
            return NearestCentroid.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Classifies one flower with the pretrained model.
     *
     * @param sepalLength sepal length in cm
     * @param sepalWidth sepal width in cm
     * @param petalLength petal length in cm
     * @param petalWidth petal width in cm
     * @return the species: setosa, versicolor or virginica
     */
    public static String classify(double sepalLength, double sepalWidth, double petalLength, double petalWidth) {
        return model(true).predict(new Measurement(sepalLength, sepalWidth, petalLength, petalWidth));
    }
}
