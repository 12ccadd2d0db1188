package io.jhub.core.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.EntryArgumentException;
import io.jhub.api.HubException;
import io.jhub.core.ArgumentConverter;
import io.jhub.core.HubModule;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jhub.testkit.SourceFiles;

class EntryArgumentsTest {
    @TempDir
    static Path tmp;

    static HubModule hub;

    @BeforeAll
    static void load() {
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", """
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
        hub = new RepoLoader(tmp.resolve("compiled"), e -> { }).load(repo, "hubconf.java", "args", TestRepos.OWNER);
    }

    @Test
    void positionalAndNamedArgumentsBindByParameterName() {
        assertEquals("resnet/18/true", hub.invoke("model", "resnet", 18, true));
        assertEquals("resnet/50/false", hub.invoke("model", List.of("resnet"),
                Map.of("pretrained", false, "layers", 50)));
        assertEquals("vgg/11/true", hub.invoke("model", List.of(),
                Map.of("layers", 11, "arch", "vgg", "pretrained", true)));
    }

    @Test
    void wrongNamesMissingAndDuplicateParametersAreNamedInTheMessage() {
        EntryArgumentException unknown = assertThrows(EntryArgumentException.class,
                () -> hub.invoke("model", List.of("a", 1), Map.of("pretrained", true, "depth", 3)));
        assertTrue(unknown.getMessage().contains("no parameter named 'depth'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("arch, layers, pretrained"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("String model(String arch, int layers, boolean pretrained)"),
                unknown.getMessage());
        EntryArgumentException missing = assertThrows(EntryArgumentException.class,
                () -> hub.invoke("model", List.of("a"), Map.of("layers", 2)));
        assertTrue(missing.getMessage().contains("missing parameter 'pretrained'"), missing.getMessage());
        EntryArgumentException twice = assertThrows(EntryArgumentException.class,
                () -> hub.invoke("model", List.of("a", 1, true), Map.of("arch", "b")));
        assertTrue(twice.getMessage().contains("'arch' is given twice"), twice.getMessage());
        EntryArgumentException tooMany = assertThrows(EntryArgumentException.class,
                () -> hub.invoke("model", "a", 1, true, 4));
        assertTrue(tooMany.getMessage().contains("takes 3 arguments, got 4"), tooMany.getMessage());
        EntryArgumentException type = assertThrows(EntryArgumentException.class,
                () -> hub.invoke("model", "a", "one", true));
        assertTrue(type.getMessage().contains("parameter 'layers' is int, got String \"one\""), type.getMessage());
    }

    @Test
    void boxingAndWideningFollowJava() {
        assertEquals("3:4.0", hub.invoke("widen", 3, 4));
        assertEquals("3:2.5", hub.invoke("widen", (byte) 3, 2.5f));
        assertEquals("3:120.0", hub.invoke("widen", (short) 3, 'x'));
        assertThrows(EntryArgumentException.class, () -> hub.invoke("widen", 3.0, 4));
        assertEquals("boxed 7", hub.invoke("boxed", 7));
        assertEquals("boxed null", hub.invoke("boxed", (Object) null));
        assertThrows(EntryArgumentException.class, () -> hub.invoke("boxed", 7L));
        assertEquals("Integer", hub.invoke("nums", 1));
        assertEquals("BigDecimal", hub.invoke("nums", BigDecimal.ONE));
        assertThrows(EntryArgumentException.class, () -> hub.invoke("widen", null, 1.0));
    }

    @Test
    void theMostSpecificOverloadWins() {
        assertEquals("int", hub.invoke("over", 1));
        assertEquals("int", hub.invoke("over", (short) 1));
        assertEquals("long", hub.invoke("over", 1L));
        assertEquals("String", hub.invoke("over", "s"));
        assertEquals("Object", hub.invoke("over", 1.5));
        assertEquals("Object", hub.invoke("over", List.of()));
    }

    @Test
    void anAmbiguousCallListsTheCandidates() {
        EntryArgumentException e = assertThrows(EntryArgumentException.class, () -> hub.invoke("amb", 1, 2));
        assertTrue(e.getMessage().contains("equally well"), e.getMessage());
        assertTrue(e.getMessage().contains("String amb(Integer a, Object b)"), e.getMessage());
        assertTrue(e.getMessage().contains("String amb(Object a, Integer b)"), e.getMessage());
        assertEquals("IO", hub.invoke("amb", 1, "x"));
        EntryArgumentException none = assertThrows(EntryArgumentException.class, () -> hub.invoke("amb", "x", "y"));
        assertTrue(none.getMessage().contains("No overload"), none.getMessage());
        assertTrue(none.getMessage().contains("(String, String)"), none.getMessage());
    }

    @Test
    void varargsCollectTrailingArguments() {
        assertEquals("s=6", hub.invoke("sum", "s", 1, 2, 3));
        assertEquals("s=0", hub.invoke("sum", "s"));
        assertEquals("s=5", hub.invoke("sum", "s", new int[] {2, 3}));
    }

    @Test
    void aConverterTurnsGivenArgumentsIntoValuesAndItsRefusalsNameTheOverload() {
        ArgumentConverter lengths = (given, type, p) -> type == int.class ? ((String) given).length() : given;
        assertEquals("resnet/3/true", hub.invoke("model", List.of("resnet", "abc"), Map.of("pretrained", true),
                lengths));
        ArgumentConverter refusing = (given, type, p) -> {
            throw new IllegalArgumentException("parameter '" + p.getName() + "' refuses " + given);
        };
        EntryArgumentException e = assertThrows(EntryArgumentException.class,
                () -> hub.invoke("widen", List.of(1L, 2.0), Map.of(), refusing));
        assertTrue(e.getMessage().contains("parameter 'a' refuses 1"), e.getMessage());
    }

    @Test
    void typedInvocationChecksTheResult() {
        assertEquals("x=1", hub.invoke("sum", String.class, List.of("x", 1), Map.of()));
        HubException e = assertThrows(HubException.class,
                () -> hub.invoke("sum", Integer.class, List.of("x", 1), Map.of()));
        assertTrue(e.getMessage().contains("not the expected java.lang.Integer"), e.getMessage());
        assertNull(hub.invoke("nothing", String.class, List.of(), Map.of()));
        assertNull(hub.invoke("sideEffect"));
    }

    @Test
    void helpOfAnOverloadedEntryShowsEverySignature() {
        String help = hub.help("over");
        assertTrue(help.contains("String over(int x)") && help.contains("String over(long x)")
                && help.contains("String over(Object x)") && help.contains("String over(String x)"), help);
    }
}
