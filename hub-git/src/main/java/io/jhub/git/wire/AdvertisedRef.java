package io.jhub.git.wire;

import io.jhub.api.spi.Resolution;
import java.util.Objects;
import java.util.Optional;

/**
 * A ref as a git server advertises it.
 *
 * @param name the full ref name, such as {@code refs/heads/main}, {@code refs/tags/v1} or {@code HEAD}
 * @param objectId the object the ref points to, 40 lower-case hex digits (a tag object for annotated tags)
 * @param peeled for an annotated tag, the object it finally points to (usually a commit)
 * @param symrefTarget for a symbolic ref such as {@code HEAD}, the ref it points to
 * @since 0.1
 */
public record AdvertisedRef(String name, String objectId, Optional<String> peeled, Optional<String> symrefTarget) {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if an id is not full lower-case hex or the name is empty
     */
    public AdvertisedRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(peeled, "peeled");
        Objects.requireNonNull(symrefTarget, "symrefTarget");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty ref name");
        }
        checkId(objectId);
        peeled.ifPresent(AdvertisedRef::checkId);
    }

    /**
     * Creates a plain ref.
     *
     * @param name the full ref name
     * @param objectId the object id
     * @return the ref
     */
    public static AdvertisedRef of(String name, String objectId) {
        return new AdvertisedRef(name, objectId, Optional.empty(), Optional.empty());
    }

    /**
     * Returns the commit this ref stands for: the peeled id of an annotated tag, otherwise the object id.
     *
     * @return the id
     */
    public String commitId() {
        return peeled.orElse(objectId);
    }

    /**
     * Returns a copy with the peeled id set.
     *
     * @param id the peeled id
     * @return the new ref
     */
    public AdvertisedRef withPeeled(String id) {
        return new AdvertisedRef(name, objectId, Optional.of(id), symrefTarget);
    }

    /**
     * Returns a copy with the symref target set.
     *
     * @param target the ref this one points to
     * @return the new ref
     */
    public AdvertisedRef withSymrefTarget(String target) {
        return new AdvertisedRef(name, objectId, peeled, Optional.of(target));
    }

    static boolean isId(String s) {
        return Resolution.isFullCommitId(s);
    }

    private static void checkId(String id) {
        if (!isId(id)) {
            throw new IllegalArgumentException("not a full lower-case object id: \"" + id + "\"");
        }
    }
}
