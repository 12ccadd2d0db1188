package io.jhub.core.internal.compile;

import java.util.Objects;

/**
 * An entry with the place of its declaration.
 *
 * @param entry the entry as recorded in the compiled cache
 * @param site where the method is declared
 */
public record EntrySite(EntryDoc entry, SourceSite site) {
    /**
     * Validates the fields.
     */
    public EntrySite {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(site, "site");
    }
}
