package io.jhub.cli.internal;

import io.jhub.core.FetcherInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** {@code jhub version} (also {@code jhub --version} and {@code -V}): jhub's, Java's and the fetchers' versions. */
final class VersionCommand implements Command {
    private static final Spec SPEC = new Spec("version", "", "show the versions of jhub, Java and the fetchers",
            List.of("json", "version"), 0, 0, "Also jhub --version and jhub -V.");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        List<FetcherInfo> fetchers = in.hub().fetchers();
        String java = System.getProperty("java.version");
        String vendor = System.getProperty("java.vendor");
        if (in.json()) {
            List<Object> rows = new ArrayList<>();
            for (FetcherInfo f : fetchers) {
                rows.add(JsonValues.object("protocol", f.protocol(), "module", f.module(),
                        "version", f.version().isEmpty() ? null : f.version(), "description", f.description()));
            }
            in.printJson(JsonValues.object("jhub", jhubVersion(),
                    "java", JsonValues.object("version", java, "vendor", vendor,
                            "home", System.getProperty("java.home")),
                    "fetchers", rows));
            return;
        }
        in.out().println("jhub " + jhubVersion());
        in.out().println("Java " + java + " (" + vendor + ") at " + System.getProperty("java.home"));
        in.out().println("fetchers:");
        for (FetcherInfo f : fetchers) {
            in.out().println("  " + f.protocol() + "\t" + f.module() + (f.version().isEmpty() ? "" : " "
                    + f.version()) + "\t" + f.description());
        }
    }

    /** The version Maven wrote into the jar, else the module's, else "unknown". */
    static String jhubVersion() {
        try (InputStream s = VersionCommand.class.getResourceAsStream("version.properties")) {
            if (s != null) {
                Properties p = new Properties();
                p.load(s);
                String v = p.getProperty("version", "");
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through to the module's version
        }
        return VersionCommand.class.getModule().getDescriptor() == null ? "unknown"
                : VersionCommand.class.getModule().getDescriptor().rawVersion().orElse("unknown");
    }
}
