package io.jhub.example.classpath.api;

/**
 * The application's own model interface. Hub repositories written for this application return
 * implementations of it from their entries; the application casts the loaded object to it.
 */
public interface SpeciesModel {
    /**
     * Predicts the species of an iris flower.
     *
     * @param sepalLength sepal length in cm
     * @param sepalWidth sepal width in cm
     * @param petalLength petal length in cm
     * @param petalWidth petal width in cm
     * @return the species name
     */
    String predict(double sepalLength, double sepalWidth, double petalLength, double petalWidth);
}
