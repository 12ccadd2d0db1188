package io.jhub.git.wire;

import io.jhub.api.RefNotFoundException;
import io.jhub.api.spi.Resolution;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a revision (branch, tag, full ref name, full or abbreviated commit id, or nothing for the default
 * branch) into a commit id using only a server's ref advertisement.
 *
 * <p>Order: a full id is taken as is (it need not be advertised); then names: {@code HEAD}, full
 * {@code refs/...} names, then {@code refs/heads/<name>} before {@code refs/tags/<name>} (a name that is both
 * picks the branch, as {@code git clone --branch} does, and logs it); finally a hex string of at least 4 digits
 * is matched against the advertised tips.
 *
 * @since 0.1
 */
public final class RefResolver {
    private static final System.Logger LOG = System.getLogger(RefResolver.class.getName());
    private static final int SHOWN = 10;

    private RefResolver() {
    }

    /**
     * Resolves a revision to a commit id.
     *
     * @param adv the server's refs (for v2, after {@code ls-refs})
     * @param revision the revision, or empty for the remote's default branch
     * @param where the repository, for messages (such as {@code git@host:owner/repo.git}); never a credential
     * @return the full lower-case commit id
     * @throws RefNotFoundException if nothing matches, the match is ambiguous, or the repository is empty; the
     *         message lists some branches and tags that do exist
     */
    public static String resolve(RefAdvertisement adv, Optional<String> revision, String where) {
        Objects.requireNonNull(adv, "adv");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(where, "where");
        if (revision.isEmpty()) {
            return defaultBranch(adv, where);
        }
        String rev = revision.get();
        if (Resolution.isFullCommitId(rev.toLowerCase(Locale.ROOT))) {
            return rev.toLowerCase(Locale.ROOT);
        }
        if (rev.equals("HEAD")) {
            return defaultBranch(adv, where);
        }
        if (rev.startsWith("refs/")) {
            Optional<AdvertisedRef> exact = adv.ref(rev);
            if (exact.isPresent()) {
                return exact.get().commitId();
            }
        } else {
            Optional<AdvertisedRef> branch = adv.ref("refs/heads/" + rev);
            Optional<AdvertisedRef> tag = adv.ref("refs/tags/" + rev);
            if (branch.isPresent()) {
                if (tag.isPresent() && !tag.get().commitId().equals(branch.get().commitId())) {
                    LOG.log(System.Logger.Level.INFO, "\"{0}\" in {1} is both a branch and a tag; using the branch "
                            + "(ask for refs/tags/{0} to get the tag)", rev, where);
                }
                return branch.get().commitId();
            }
            if (tag.isPresent()) {
                return tag.get().commitId();
            }
        }
        if (Resolution.isAbbreviatedCommitId(rev)) {
            return abbreviated(adv, rev.toLowerCase(Locale.ROOT), where);
        }
        throw new RefNotFoundException("No branch, tag or commit \"" + rev + "\" in " + where + ". " + available(adv)
                + " Check the spelling, or give a full 40-digit commit id.");
    }

    private static String defaultBranch(RefAdvertisement adv, String where) {
        Optional<AdvertisedRef> head = adv.ref("HEAD");
        if (head.isPresent()) {
            return head.get().commitId();
        }
        if (adv.headTarget().isPresent() && adv.ref(adv.headTarget().get()).isPresent()) {
            return adv.ref(adv.headTarget().get()).get().commitId();
        }
        if (adv.refs().isEmpty()) {
            throw new RefNotFoundException("The repository " + where + " is empty"
                    + adv.headTarget().map(t -> " (HEAD points to the unborn " + t + ")").orElse("")
                    + ": it has no commits to fetch. Push a commit first, or check the repository name.");
        }
        throw new RefNotFoundException("The repository " + where + " has no default branch (HEAD is not "
                + "advertised). " + available(adv) + " Name a branch, tag or commit explicitly.");
    }

    private static String abbreviated(RefAdvertisement adv, String prefix, String where) {
        TreeSet<String> matches = adv.refs().stream().map(AdvertisedRef::commitId)
                .filter(id -> id.startsWith(prefix)).collect(Collectors.toCollection(TreeSet::new));
        if (matches.size() == 1) {
            return matches.first();
        }
        if (matches.isEmpty()) {
            throw new RefNotFoundException("No branch, tag or commit \"" + prefix + "\" in " + where
                    + ": an abbreviated commit id must match the tip of a branch or tag, because the server only "
                    + "lists those. Use the full 40-digit commit id instead. " + available(adv));
        }
        String candidates = matches.stream().map(id -> id + " (" + namesOf(adv, id) + ")")
                .collect(Collectors.joining(", "));
        throw new RefNotFoundException("The abbreviated commit id \"" + prefix + "\" is ambiguous in " + where
                + ": it matches " + candidates + ". Give more digits or the full commit id.");
    }

    private static String namesOf(RefAdvertisement adv, String id) {
        return adv.refs().stream().filter(r -> r.commitId().equals(id)).map(AdvertisedRef::name)
                .collect(Collectors.joining(", "));
    }

    private static String available(RefAdvertisement adv) {
        List<String> branches = shortNames(adv, "refs/heads/");
        List<String> tags = shortNames(adv, "refs/tags/");
        return "Branches: " + list(branches) + "; tags: " + list(tags) + ".";
    }

    private static List<String> shortNames(RefAdvertisement adv, String prefix) {
        return adv.refs().stream().map(AdvertisedRef::name).filter(n -> n.startsWith(prefix))
                .map(n -> n.substring(prefix.length())).sorted().collect(Collectors.toList());
    }

    private static String list(List<String> names) {
        if (names.isEmpty()) {
            return "(none)";
        }
        String shown = names.stream().limit(SHOWN).collect(Collectors.joining(", "));
        return names.size() > SHOWN ? shown + " and " + (names.size() - SHOWN) + " more" : shown;
    }
}
