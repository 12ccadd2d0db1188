package io.jhub.core.internal.registry;

import io.jhub.api.InvalidProtocolException;
import io.jhub.api.spi.RepoFetcher;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The fetchers a hub can use, by protocol name: those handed to the builder, then the providers of
 * {@link RepoFetcher} found with {@link ServiceLoader} in the layer that holds jhub (module path, jlink images)
 * and through the class loader (class path {@code META-INF/services}). Two fetchers claiming one name fail
 * loudly; a provider that cannot be instantiated is logged and skipped.
 */
public final class ProtocolRegistry {
    private static final System.Logger LOG = System.getLogger(ProtocolRegistry.class.getName());

    /** Maven coordinates of the fetchers jhub ships, for "add this jar" advice. */
    private static final Map<String, String> KNOWN_ARTIFACTS = Map.of(
            "HTTPS", "io.jhub:hub-fetch-https", "SSH", "io.jhub:hub-fetch-ssh");

    private final Map<String, RepoFetcher> byName;

    private ProtocolRegistry(Map<String, RepoFetcher> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Builds the registry.
     *
     * @param given fetchers handed to the builder
     * @param serviceLoading whether to look for service providers too
     * @return the registry
     * @throws InvalidProtocolException if two fetchers claim the same protocol name
     */
    public static ProtocolRegistry discover(List<RepoFetcher> given, boolean serviceLoading) {
        Map<String, RepoFetcher> byName = new TreeMap<>();
        for (RepoFetcher f : given) {
            register(byName, f, "the hub builder");
        }
        if (serviceLoading) {
            Set<Class<?>> seen = new LinkedHashSet<>();
            given.forEach(f -> seen.add(f.getClass()));
            for (RepoFetcher f : loadProviders()) {
                if (seen.add(f.getClass())) {
                    register(byName, f, "a service provider");
                }
            }
        }
        return new ProtocolRegistry(byName);
    }

    /**
     * Returns the fetcher for a protocol.
     *
     * @param protocol the protocol name, any case
     * @return the fetcher
     * @throws InvalidProtocolException naming the protocols that are available and the artifact to add
     */
    public RepoFetcher fetcher(String protocol) {
        String name = protocol.toUpperCase(Locale.ROOT);
        RepoFetcher f = byName.get(name);
        if (f == null) {
            String available = byName.isEmpty() ? "none (no fetcher jar is on the module path or class path)"
                    : String.join(", ", byName.keySet());
            String advice = KNOWN_ARTIFACTS.containsKey(name)
                    ? "add the artifact " + KNOWN_ARTIFACTS.get(name) + " (module io.jhub.fetch."
                    + name.toLowerCase(Locale.ROOT) + ") to the module path or class path"
                    : "add a jar that provides io.jhub.api.spi.RepoFetcher for " + name
                    + ", or pick an available protocol";
            throw new InvalidProtocolException("No fetcher for protocol \"" + protocol + "\". Available: "
                    + available + ". To use " + name + ", " + advice + ".");
        }
        return f;
    }

    /**
     * Returns the registered fetchers by protocol name, sorted.
     *
     * @return an immutable map
     */
    public Map<String, RepoFetcher> fetchers() {
        return byName;
    }

    private static void register(Map<String, RepoFetcher> byName, RepoFetcher f, String origin) {
        String name = f.protocol().toUpperCase(Locale.ROOT);
        RepoFetcher previous = byName.putIfAbsent(name, f);
        if (previous != null) {
            throw new InvalidProtocolException("Two fetchers claim the protocol \"" + name + "\": "
                    + previous.getClass().getName() + " (" + location(previous) + ") and "
                    + f.getClass().getName() + " (" + location(f) + ", from " + origin
                    + "). Remove one of the jars from the module path or class path.");
        }
    }

    private static String location(RepoFetcher f) {
        Module m = f.getClass().getModule();
        var src = f.getClass().getProtectionDomain().getCodeSource();
        return (m.isNamed() ? "module " + m.getName() : "class path")
                + (src != null && src.getLocation() != null ? " at " + src.getLocation() : "");
    }

    private static List<RepoFetcher> loadProviders() {
        List<RepoFetcher> found = new ArrayList<>();
        Module self = ProtocolRegistry.class.getModule();
        if (self.isNamed() && self.getLayer() != null) {
            drain(ServiceLoader.load(self.getLayer(), RepoFetcher.class).iterator(), found);
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        drain(ServiceLoader.load(RepoFetcher.class, loader != null ? loader
                : ProtocolRegistry.class.getClassLoader()).iterator(), found);
        return found;
    }

    private static void drain(Iterator<RepoFetcher> it, List<RepoFetcher> out) {
        while (true) {
            try {
                if (!it.hasNext()) {
                    return;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.log(Level.WARNING, "Skipping a RepoFetcher provider that failed to load: " + e.getMessage(), e);
            }
        }
    }
}
