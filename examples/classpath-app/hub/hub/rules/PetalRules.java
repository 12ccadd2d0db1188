package hub.rules;

import io.jhub.example.classpath.api.SpeciesModel;

/** Splits on petal length at 2.45 cm, then on petal width at 1.75 cm. */
final class PetalRules implements SpeciesModel {
    @Override
    public String predict(double sepalLength, double sepalWidth, double petalLength, double petalWidth) {
        if (petalLength < 2.45) {
            return "setosa";
        }
        return petalWidth < 1.75 ? "versicolor" : "virginica";
    }
}
