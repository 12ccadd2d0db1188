package io.jhub.api.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A transport that brings a repository's tree onto the local disk: HTTPS archives, git over SSH, a mirror, a
 * directory. Implementations are found with {@link java.util.ServiceLoader} (declare {@code provides
 * io.jhub.api.spi.RepoFetcher with ...} in {@code module-info.java} and list the class in
 * {@code META-INF/services/io.jhub.api.spi.RepoFetcher} for class-path users), or handed to the hub's builder.
 *
 * <p>The core owns caching, locking, atomic installs, offline mode and trust; a fetcher only resolves refs and
 * writes one tree into the empty directory it is given. Implementations must be thread-safe and must have a
 * public no-argument constructor when loaded as a service.
 *
 * @since 0.1
 */
public interface RepoFetcher {

    /**
     * Returns the protocol name users select this fetcher with, such as {@code HTTPS} or {@code SSH}.
     * Names are compared ignoring case; two fetchers with the same name are an error.
     *
     * @return the protocol name, letters, digits, '-' and '_' only
     */
    String protocol();

    /**
     * Returns a one-line description for {@code jhub protocols}.
     *
     * @return the description
     */
    default String description() {
        return protocol() + " fetcher " + getClass().getName();
    }

    /**
     * Returns the settings this fetcher reads through {@link FetchContext#setting(String)}, so that a key no
     * installed fetcher knows can be refused with the nearest known one (as {@code jhub --set} does).
     *
     * @return the keys, empty by default
     * @since 0.2
     */
    default List<SettingKey> settingKeys() {
        return List.of();
    }

    /**
     * Resolves the request's ref (or the remote's default branch) to a full commit id, without downloading the
     * tree where the transport allows it.
     *
     * @param request what to resolve
     * @param context settings, credentials and progress
     * @return the resolution; {@link Resolution#unknown()} when this transport cannot resolve without fetching
     * @throws IOException on an I/O failure
     * @throws io.jhub.api.HubException with a subclass that says what failed (ref not found, refused, ...)
     */
    Resolution resolve(FetchRequest request, FetchContext context) throws IOException;

    /**
     * Writes the tree of the requested commit (or of the ref, when no commit is known) into {@code target}.
     * The directory exists and is empty; the core deletes it if this method throws. Nothing may be written
     * outside it.
     *
     * @param request what to fetch; {@link FetchRequest#commit()} is set when the core resolved a commit
     * @param target an empty directory to fill
     * @param context settings, credentials and progress
     * @return the commit id of the tree written, when the transport knows it
     * @throws IOException on an I/O failure
     * @throws io.jhub.api.HubException with a subclass that says what failed
     */
    Resolution fetch(FetchRequest request, Path target, FetchContext context) throws IOException;
}
