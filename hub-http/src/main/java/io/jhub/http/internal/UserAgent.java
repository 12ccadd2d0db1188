package io.jhub.http.internal;

/** The {@code User-Agent} jhub sends: {@code jhub/<version> (Java <feature>)}. */
public final class UserAgent {
    /** The library version used when the module carries none. */
    public static final String FALLBACK_VERSION = "0.1.0";

    private UserAgent() {
    }

    /**
     * Returns the default user agent.
     *
     * @return for example {@code jhub/0.1.0 (Java 17)}
     */
    public static String value() {
        String version = UserAgent.class.getModule().getDescriptor() != null
                ? UserAgent.class.getModule().getDescriptor().rawVersion().orElse(null) : null;
        if (version == null) {
            version = UserAgent.class.getPackage().getImplementationVersion();
        }
        if (version == null) {
            version = FALLBACK_VERSION;
        }
        return "jhub/" + version + " (Java " + Runtime.version().feature() + ")";
    }
}
