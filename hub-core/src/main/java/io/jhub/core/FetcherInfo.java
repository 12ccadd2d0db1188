package io.jhub.core;

import java.util.Objects;

/**
 * One fetcher a hub found: its protocol, its description and where its code comes from, for
 * {@code jhub --version} and diagnostics.
 *
 * @param protocol the protocol name, such as {@code HTTPS}
 * @param description the fetcher's one-line description
 * @param module the name of the module its class is in, or {@code class path: <jar>} for an unnamed module
 * @param version the module's version, or the jar's {@code Implementation-Version}, or empty when unknown
 * @since 0.2
 */
public record FetcherInfo(String protocol, String description, String module, String version) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public FetcherInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(version, "version");
    }

    static FetcherInfo of(io.jhub.api.spi.RepoFetcher f) {
        Module m = f.getClass().getModule();
        String version = m.getDescriptor() != null ? m.getDescriptor().rawVersion().orElse("") : "";
        if (version.isEmpty()) {
            Package p = f.getClass().getPackage();
            version = p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "";
        }
        return new FetcherInfo(f.protocol(), f.description(), m.isNamed() ? m.getName() : "class path: " + jar(f),
                version);
    }

    private static String jar(Object f) {
        java.security.CodeSource cs = f.getClass().getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "unknown";
        }
        String path = cs.getLocation().getPath();
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
