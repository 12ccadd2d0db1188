package io.jhub.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of a new hub repository as {@code jhub init} writes them: a {@code hubconf.java} with one documented
 * entry that reads a resource, the resource, an optional {@code module-info.java}, and a README section on using
 * and checking the hub. The layout is the one the README's "Publishing a hub repository" describes: the hubconf
 * at the root, its resources under the package path.
 */
final class HubTemplate {
    /** The resource the generated entry reads. */
    static final String RESOURCE = "greeting.txt";

    private HubTemplate() {
    }

    /**
     * Returns the files of a new hub.
     *
     * @param pkg the hubconf's package, a valid Java package name
     * @param module whether to declare the module in {@code module-info.java}
     * @return relative path ({@code /}-separated) to content, in the order they should be listed
     */
    static Map<String, String> files(String pkg, boolean module) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("hubconf.java", hubconf(pkg));
        if (module) {
            files.put("module-info.java", """
                    /**
                     * The %1$s hub repository. jhub opens its packages to itself when it loads the module, so it
                     * needs no exports; add a requires for each module the entries use, such as
                     * {@code requires io.jhub.pretrained;} for pretrained weights.
                     */
                    module %1$s {
                    }
                    """.formatted(pkg));
        }
        files.put(pkg.replace('.', '/') + "/" + RESOURCE, "Hello\n");
        files.put("README.md", readme(pkg, module));
        return files;
    }

    private static String hubconf(String pkg) {
        return """
                package %1$s;

                import java.io.IOException;
                import java.io.InputStream;
                import java.io.UncheckedIOException;
                import java.nio.charset.StandardCharsets;

                /**
                 * The %1$s hub repository. Its entries are the public static methods of this class, and their
                 * Javadoc is what {@code jhub help} shows.
                 */
                public final class hubconf {
                    /** Modules this repository needs besides its own; jhub checks them before any entry runs. */
                    public static final String[] dependencies = {"java.base"};

                    private hubconf() {
                    }

                    /**
                     * Greets someone with the greeting kept in this repository's {@code %2$s} resource.
                     *
                     * @param name who to greet
                     * @return the greeting, such as {@code Hello, Ada!}
                     * @throws IllegalStateException if the resource is missing
                     */
                    public static String greet(String name) {
                        try (InputStream in = hubconf.class.getResourceAsStream("%2$s")) {
                            if (in == null) {
                                throw new IllegalStateException("%2$s is missing from the repository");
                            }
                            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip() + ", " + name + "!";
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
                """.formatted(pkg, RESOURCE);
    }

    private static String readme(String pkg, boolean module) {
        String path = pkg.replace('.', '/');
        return """
                # %1$s

                A jhub hub repository: Java code that the `jhub` command and the `io.jhub.core` API fetch from git,
                compile and load, each repository in its own module layer.

                ## Layout

                - `hubconf.java`: the entries, the public static methods of `%1$s.hubconf`; their Javadoc is the
                  help users see.
                - `%2$s/`: other sources and resources of package `%1$s` (`%3$s` is read by `greet`).%4$s
                - `lib/*.jar` (optional): jars this repository needs, loaded into its layer only.

                ## Use it

                ```
                jhub trust OWNER/REPO
                jhub list  OWNER/REPO
                jhub help  OWNER/REPO greet
                jhub load  OWNER/REPO greet Ada
                ```

                From Java: `Hub.load("OWNER/REPO", "greet", "Ada")`.

                ## Work on it

                ```
                jhub check .            # compiles without running anything, lists entries and problems
                jhub help  . greet
                jhub load  . greet Ada  # prints: Hello, Ada!
                ```
                """.formatted(pkg, path, RESOURCE, module
                ? "\n- `module-info.java`: the module declaration; add a `requires` for every module the code uses."
                : "\n- No `module-info.java`: jhub defines module `" + pkg + "` itself; add one to declare its"
                        + " `requires`.");
    }
}
