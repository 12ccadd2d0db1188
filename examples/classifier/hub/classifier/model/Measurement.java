package hub.classifier.model;

/**
 * The four measurements of an iris flower, in centimetres.
 *
 * @param sepalLength sepal length
 * @param sepalWidth sepal width
 * @param petalLength petal length
 * @param petalWidth petal width
 */
public record Measurement(double sepalLength, double sepalWidth, double petalLength, double petalWidth) {
    double[] features() {
        return new double[] {sepalLength, sepalWidth, petalLength, petalWidth};
    }
}
