package io.jhub.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.EntryArgumentException;
import io.jhub.core.Hub;
import io.jhub.core.HubModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line text becomes entry arguments in the CLI, through the core's typed invocation with a converter. */
class TextArgumentsTest {
    @TempDir
    static Path tmp;

    static HubModule hub;

    @BeforeAll
    static void load() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("r"));
        Files.writeString(repo.resolve("hubconf.java"), """
                package hub.args;

                import java.math.BigDecimal;
                import java.math.BigInteger;
                import java.net.URI;
                import java.nio.file.Path;

                public class hubconf {
                    public enum Size { SMALL, LARGE }

                    public static String model(String arch, int layers, boolean pretrained) {
                        return arch + "/" + layers + "/" + pretrained;
                    }

                    public static String widen(long a, double b) {
                        return a + ":" + b;
                    }

                    public static String over(int x) { return "int"; }
                    public static String over(long x) { return "long"; }
                    public static String over(Object x) { return "Object"; }
                    public static String over(String x) { return "String"; }

                    public static String amb(Integer a, Object b) { return "IO"; }
                    public static String amb(Object a, Integer b) { return "OI"; }

                    public static String boxed(Integer a) { return "boxed " + a; }

                    public static String nums(Number n) { return n.getClass().getSimpleName(); }

                    public static String sum(String label, int... values) {
                        int s = 0;
                        for (int v : values) { s += v; }
                        return label + "=" + s;
                    }

                    public static String text(byte b, short s, char c, float f, Long l, Double d, BigInteger bi,
                                              BigDecimal bd, Path p, URI u, Size size, Boolean flag) {
                        return b + "," + s + "," + c + "," + f + "," + l + "," + d + "," + bi + "," + bd + ","
                                + p + "," + u + "," + size + "," + flag;
                    }

                    public static String arrays(int[] sizes, String[] names, Size[] kinds) {
                        return java.util.Arrays.toString(sizes) + java.util.Arrays.toString(names)
                                + java.util.Arrays.toString(kinds);
                    }

                    public static String greet(String... words) { return String.join("|", words); }

                    public static String nothing() { return null; }

                    public static void sideEffect() { }
                }
                """);
        hub = Hub.builder().cacheDir(tmp.resolve("cache")).environment(Map.of()).serviceLoading(false).build()
                .repo(repo).importModule();
    }

    private static Object invokeText(String entry, List<String> positional, Map<String, String> named) {
        return hub.invoke(entry, positional, named, TextArguments.INSTANCE);
    }

    @Test
    void textArgumentsConvertToTheParameterTypes() {
        assertEquals("resnet/34/true", invokeText("model", List.of("resnet", "34"), Map.of("pretrained", "TRUE")));
        assertEquals("1,2,c,1.5,4,5.5,12345678901234567890,0.1,/tmp/x,https://h/p,LARGE,false",
                invokeText("text", List.of("1", "2", "c", "1.5", "4", "5.5", "12345678901234567890", "0.1",
                        "/tmp/x", "https://h/p", "large", "false"), Map.of()));
        assertEquals("s=3", invokeText("sum", List.of("s", "1", "2"), Map.of()));
    }

    @Test
    void arrayParametersTakeCommaSeparatedTextAndVarargsTakeSeparateArguments() {
        assertEquals("[1, 2, 3][a, b c][SMALL, LARGE]",
                invokeText("arrays", List.of("1,2,3", "a, b c"), Map.of("kinds", "small,LARGE")));
        assertEquals("[][][]", invokeText("arrays", List.of("", " ", ""), Map.of()));
        assertEquals("Hello, world|again", invokeText("greet", List.of("Hello, world", "again"), Map.of()));
        EntryArgumentException bad = assertThrows(EntryArgumentException.class,
                () -> invokeText("arrays", List.of("1,x,3", "a", "small"), Map.of()));
        assertTrue(bad.getMessage().contains("parameter 'sizes' expects int[], got \"1,x,3\""), bad.getMessage());
    }

    @Test
    void badTextNamesTheParameterAndTheValue() {
        EntryArgumentException n = assertThrows(EntryArgumentException.class,
                () -> invokeText("model", List.of("resnet", "many", "true"), Map.of()));
        assertTrue(n.getMessage().contains("parameter 'layers' expects int, got \"many\""), n.getMessage());
        EntryArgumentException b = assertThrows(EntryArgumentException.class,
                () -> invokeText("model", List.of("resnet", "3", "yes"), Map.of()));
        assertTrue(b.getMessage().contains("parameter 'pretrained' expects boolean, got \"yes\""), b.getMessage());
        List<String> args = Arrays.asList("1", "2", "c", "1.5", "4", "5.5", "1", "0.1", "/tmp", "h", "medium", "true");
        EntryArgumentException en = assertThrows(EntryArgumentException.class,
                () -> invokeText("text", args, Map.of()));
        assertTrue(en.getMessage().contains("parameter 'size' expects hubconf.Size, got \"medium\" (use one of small, large)"),
                en.getMessage());
        EntryArgumentException range = assertThrows(EntryArgumentException.class, () -> invokeText("text",
                List.of("300", "2", "c", "1.5", "4", "5.5", "1", "0.1", "/tmp", "h", "small", "true"), Map.of()));
        assertTrue(range.getMessage().contains("parameter 'b' expects byte, got \"300\""), range.getMessage());
        EntryArgumentException uri = assertThrows(EntryArgumentException.class, () -> invokeText("text",
                List.of("3", "2", "c", "1.5", "4", "5.5", "1", "0.1", "/tmp", "a b:/", "small", "true"), Map.of()));
        assertTrue(uri.getMessage().contains("parameter 'u' expects URI, got \"a b:/\""), uri.getMessage());
    }

    @Test
    void theCoreChoosesTheOverloadAmongThoseWhoseTextConverts() {
        assertEquals("String", invokeText("over", List.of("seven"), Map.of()), "not a number: String or Object");
        EntryArgumentException e = assertThrows(EntryArgumentException.class,
                () -> invokeText("over", List.of("7"), Map.of()));
        assertTrue(e.getMessage().contains("fit several overloads"), e.getMessage());
    }
}
