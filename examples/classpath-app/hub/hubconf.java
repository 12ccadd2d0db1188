package hub.rules;

import io.jhub.example.classpath.api.SpeciesModel;

/**
 * A hub repository written for the class-path example application: its entry returns the application's own
 * {@link SpeciesModel} type, which the application casts to.
 */
public final class hubconf {
    private hubconf() {
    }

    /**
     * The classic two-split decision tree for iris flowers (petal length, then petal width).
     *
     * @return the model
     */
    public static SpeciesModel rules() {
        return new PetalRules();
    }
}
