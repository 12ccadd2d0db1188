package io.jhub.core.internal.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javax.lang.model.SourceVersion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link JavaNames} agrees with the compiler's own rules ({@link SourceVersion}) for the running JDK. */
class JavaNamesProperties {

    @Property(tries = 3000)
    void agreesWithSourceVersion(@ForAll("names") String name) {
        boolean expected = SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
        assertEquals(expected, JavaNames.isIdentifier(name), () -> "for '" + name + "'");
    }

    @Example
    void everyKeywordOfTheLanguageIsRefused() {
        for (String word : new String[] {"class", "goto", "const", "_", "true", "null", "strictfp", "enum"}) {
            assertEquals(false, JavaNames.isIdentifier(word), word);
        }
        for (String word : new String[] {"var", "record", "yield", "sealed", "module", "Class", "été", "$x", "a1"}) {
            assertEquals(true, JavaNames.isIdentifier(word), word);
        }
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> keywords = Arbitraries.of("class", "int", "while", "_", "true", "false", "null", "var",
                "record", "yield", "goto", "const", "enum", "assert", "non-sealed", "permits");
        Arbitrary<String> mixed = Arbitraries.strings().withChars("aZ_$09-.é\u0300\u200b ").ofMinLength(0)
                .ofMaxLength(6);
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(4);
        return Arbitraries.oneOf(keywords, mixed, any);
    }
}
