package io.jhub.pretrained;

import io.jhub.api.HubException;
import io.jhub.api.ProgressListener;
import io.jhub.core.Hub;
import io.jhub.http.SafeUrls;
import io.jhub.http.download.DownloadOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A weights source declared once in a hubconf (the original hub's {@code pretrained(url, load_func)}) and applied
 * inside an entry when its {@code pretrained} argument is true:
 *
 * <pre>{@code
 * private static final Pretrained<Classifier> WEIGHTS =
 *         Pretrained.from("https://example.org/weights/tiny.bin", Classifier::loadWeights).sha256("3f2a...");
 *
 * public static Classifier tiny(boolean pretrained, int classes) {
 *     return WEIGHTS.applyIf(pretrained, new Classifier(classes));
 * }
 * }</pre>
 *
 * The file is downloaded once into the cache of the hub running the entry (else the default hub), verified, and
 * handed to the load function; the entry's other arguments are the entry's own business. Immutable and
 * thread-safe: the configuring methods return changed copies.
 *
 * @param <M> the model type
 * @since 0.1
 */
public final class Pretrained<M> {
    private final URI uri;
    private final WeightsMapper<M> loader;
    private final DownloadOptions options;

    private Pretrained(URI uri, WeightsMapper<M> loader, DownloadOptions options) {
        this.uri = uri;
        this.loader = loader;
        this.options = options;
    }

    /**
     * Declares weights loaded into the model in place.
     *
     * @param url a {@code https:} or {@code file:} URL
     * @param loader loads the verified file into the model, such as {@code Classifier::loadWeights}
     * @param <M> the model type
     * @return the source
     * @throws IllegalArgumentException if the URL is malformed or not absolute
     */
    public static <M> Pretrained<M> from(String url, WeightsLoader<M> loader) {
        Objects.requireNonNull(loader, "loader");
        return new Pretrained<>(parse(url), (m, p) -> {
            loader.load(m, p);
            return m;
        }, DownloadOptions.defaults());
    }

    /**
     * Declares weights that produce a new model (immutable models).
     *
     * @param url a {@code https:} or {@code file:} URL
     * @param mapper returns the model with the weights loaded
     * @param <M> the model type
     * @return the source
     * @throws IllegalArgumentException if the URL is malformed or not absolute
     */
    public static <M> Pretrained<M> mapping(String url, WeightsMapper<M> mapper) {
        return new Pretrained<>(parse(url), Objects.requireNonNull(mapper, "mapper"), DownloadOptions.defaults());
    }

    /**
     * Returns a copy that requires the file's SHA-256.
     *
     * @param hex 64 hex digits
     * @return the changed copy
     * @throws IllegalArgumentException if {@code hex} is not 64 hex digits
     */
    public Pretrained<M> sha256(String hex) {
        return with(options.toBuilder().sha256(hex).build());
    }

    /**
     * Returns a copy that checks the hash prefix in the file name ({@code name-<hex>.ext}, torch's convention).
     *
     * @return the changed copy
     */
    public Pretrained<M> hashPrefixFromName() {
        return with(options.toBuilder().hashPrefixFromName(true).build());
    }

    /**
     * Returns a copy that caches the file under another name.
     *
     * @param name a plain file name
     * @return the changed copy
     * @throws IllegalArgumentException if the name is not a plain file name
     */
    public Pretrained<M> fileName(String name) {
        return with(options.toBuilder().fileName(name).build());
    }

    /**
     * Returns a copy that reports progress to {@code listener} instead of the hub's listener.
     *
     * @param listener the listener
     * @return the changed copy
     */
    public Pretrained<M> progress(ProgressListener listener) {
        return with(options.toBuilder().progress(listener).build());
    }

    /**
     * Returns a copy with all download options replaced.
     *
     * @param newOptions the options
     * @return the changed copy
     */
    public Pretrained<M> options(DownloadOptions newOptions) {
        return with(Objects.requireNonNull(newOptions, "options"));
    }

    /**
     * Loads the weights into {@code model} when {@code pretrained} is true; otherwise returns the model untouched
     * without any I/O.
     *
     * @param pretrained the entry's {@code pretrained} argument
     * @param model the model the entry built
     * @return the model (with weights when asked)
     * @throws io.jhub.api.DownloadException if the download fails
     * @throws io.jhub.api.IntegrityException if the file's hash is wrong (the loader is never called)
     * @throws io.jhub.api.OfflineException if offline and the file is not cached
     * @throws HubException if the loader fails to read the file
     */
    public M applyIf(boolean pretrained, M model) {
        Objects.requireNonNull(model, "model");
        return pretrained ? apply(model) : model;
    }

    /**
     * Loads the weights into {@code model}, downloading them first if needed.
     *
     * @param model the model
     * @return the model with weights
     * @throws io.jhub.api.DownloadException if the download fails
     * @throws io.jhub.api.IntegrityException if the file's hash is wrong (the loader is never called)
     * @throws io.jhub.api.OfflineException if offline and the file is not cached
     * @throws HubException if the loader fails to read the file
     */
    public M apply(M model) {
        Objects.requireNonNull(model, "model");
        Path file = download();
        try {
            return Objects.requireNonNull(loader.apply(model, file), "the weights loader returned null");
        } catch (IOException e) {
            throw new HubException("Loading the weights " + file + " (from " + SafeUrls.forDisplay(uri) + ") into "
                    + model.getClass().getName() + " failed: " + e.getMessage() + ". The file matches what was"
                    + " downloaded; check that the load function reads this format.", e);
        }
    }

    /**
     * Returns the verified cached file, downloading it with the current entry's hub (else the default hub).
     *
     * @return the cached file
     */
    public Path download() {
        return Weights.download(uri, options);
    }

    /**
     * Returns the verified cached file, downloading it with {@code hub}.
     *
     * @param hub the hub whose cache and settings to use
     * @return the cached file
     */
    public Path download(Hub hub) {
        return Weights.download(Objects.requireNonNull(hub, "hub"), uri, options);
    }

    /**
     * Returns the URL.
     *
     * @return the weights URL
     */
    public URI uri() {
        return uri;
    }

    /**
     * Returns the download options.
     *
     * @return the options
     */
    public DownloadOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "Pretrained[" + SafeUrls.forDisplay(uri) + ", " + options + "]"; // a signed URL's query stays hidden
    }

    private Pretrained<M> with(DownloadOptions newOptions) {
        return new Pretrained<>(uri, loader, newOptions);
    }

    private static URI parse(String url) {
        Objects.requireNonNull(url, "url");
        URI u;
        try {
            u = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("Weights URL \"" + url + "\" is malformed: " + e.getMessage(), e);
        }
        if (!u.isAbsolute()) {
            throw new IllegalArgumentException("Weights URL \"" + url + "\" must be absolute, such as"
                    + " https://example.org/weights/model.bin or file:///mirror/model.bin");
        }
        return u;
    }
}
