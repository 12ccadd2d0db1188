package io.jhub.core.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhub.core.HubModule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jhub.testkit.SourceFiles;

/** {@code help} renders the captured Javadoc of each overload as plain text (golden output). */
class HelpRenderingTest {
    @TempDir
    Path tmp;

    @Test
    void overloadsWithRichJavadocRenderAsPlainText() {
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", """
                package hub.rich;

                import java.util.List;

                /** Rich docs. */
                public final class hubconf {
                    private hubconf() {
                    }

                    /**
                     * Scales a vector by a factor. Every element is multiplied, and the input is left unchanged;
                     * see {@link #scale(List, double, boolean) the clamping overload} for bounded results.
                     *
                     * <p>Use {@code scale(List.of(1.0, 2.0), 3)} for {@code [3.0, 6.0]}; values &lt; 0 are
                     * allowed &amp; kept.
                     * <ul>
                     *   <li>fast</li>
                     *   <li>exact for {@literal <= 2^53}</li>
                     * </ul>
                     *
                     * @param values the vector, not {@code null}
                     * @param factor the factor; a long description that goes on and on so that it has to be wrapped
                     *     onto a second line by the renderer
                     * @return a new list
                     * @throws IllegalArgumentException if {@code factor} is not finite
                     * @throws NullPointerException if {@code values} is null
                     * @see java.util.List#of
                     */
                    public static List<Double> scale(List<Double> values, double factor) {
                        return values.stream().map(v -> v * factor).toList();
                    }

                    /**
                     * Scales and clamps.
                     *
                     * @param values the vector
                     * @param factor the factor
                     * @param clamp whether to clamp to {@code [-1, 1]}
                     * @return a new list
                     */
                    public static List<Double> scale(List<Double> values, double factor, boolean clamp) {
                        return scale(values, factor);
                    }

                    public static int undocumented() {
                        return 0;
                    }
                }
                """);
        HubModule hub = new RepoLoader(tmp.resolve("compiled"), e -> { }).load(repo, "hubconf.java", "rich",
                TestRepos.OWNER);
        assertEquals("""
                List<Double> scale(List<Double> values, double factor)
                    Scales a vector by a factor.

                    Every element is multiplied, and the input is left unchanged; see the
                    clamping overload for bounded results.

                    Use scale(List.of(1.0, 2.0), 3) for [3.0, 6.0]; values < 0 are allowed &
                    kept.

                    - fast
                    - exact for <= 2^53

                    Parameters:
                      values - the vector, not null
                      factor - the factor; a long description that goes on and on so that it has
                        to be wrapped onto a second line by the renderer
                    Returns:
                      a new list
                    Throws:
                      IllegalArgumentException - if factor is not finite
                      NullPointerException - if values is null
                    See also:
                      java.util.List.of

                List<Double> scale(List<Double> values, double factor, boolean clamp)
                    Scales and clamps.

                    Parameters:
                      values - the vector
                      factor - the factor
                      clamp - whether to clamp to [-1, 1]
                    Returns:
                      a new list""", hub.help("scale"));
        assertEquals("int undocumented()\n    (no documentation)", hub.help("undocumented"));
    }
}
