package io.jhub.git.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhub.api.UnsafeArchiveException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arbitrary attribute files, patterns, paths and formats never fail with anything but the documented error. */
class AttributeParsingProperties {
    @Provide
    Arbitrary<String> globby() {
        return Arbitraries.strings().withChars("ab/*?[]!^-\\:.\"' \t\r\n#=[attr]").ofMaxLength(60);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("ab.*?[]\\-").ofMinLength(1).ofMaxLength(8);
    }

    @Property(tries = 2000)
    void anyAttributesFileParsesAndAnswers(@ForAll("globby") String file, @ForAll("names") String name,
            @ForAll byte[] noise) {
        AttributeRules root = AttributeRules.root(Optional.of((file + "\n").getBytes(StandardCharsets.UTF_8)));
        AttributeRules sub = root.descend("a", Optional.of(noise));
        for (EntryKind kind : EntryKind.values()) {
            root.exportIgnored(name.replace("/", ""), kind);
            sub.attributes(name.replace("/", ""), kind);
        }
    }

    @Property(tries = 3000)
    void literalPatternsMatchExactlyTheirName(@ForAll("names") String name, @ForAll("names") String other) {
        String literal = name.replaceAll("[*?\\[\\]\\\\]", "x");
        AttributePattern p = AttributePattern.parse(literal.getBytes(StandardCharsets.UTF_8));
        byte[] path = ("d/" + other).getBytes(StandardCharsets.UTF_8);
        if (p != null) {
            assertEquals(other.equals(literal), p.matches(path, 2, new byte[0]));
        }
    }

    @Property(tries = 3000)
    void wildMatchNeverThrows(@ForAll("globby") String pattern, @ForAll("globby") String text) {
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        WildMatch.matches(p, 0, p.length, t, 0, t.length, true);
        WildMatch.matches(p, 0, p.length, t, 0, t.length, false);
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.strings().withChars("%$Format:aAcCnNxX0f(+- )<>|wdDhHtTpPsbBeEgGlLirI?1,").ofMaxLength(80);
    }

    @Property(tries = 3000)
    void anyContentExpandsOrIsRefusedByTheLimit(@ForAll("formats") String content) {
        ExportFilter filter = new ExportFilter(ExportLimitsTest.commit("subject\n\nbody\n"),
                ExportOptions.defaults(400));
        BlobConversion c = filter.conversion(AttributeRules.root(Optional.of(
                "* export-subst ident text eol=crlf\n".getBytes(StandardCharsets.UTF_8))), "f", EntryKind.FILE, 1);
        try {
            c.apply(content.getBytes(StandardCharsets.UTF_8), ExportLimitsTest.commit("m").id());
        } catch (UnsafeArchiveException refused) {
            // the documented bound
        }
    }
}
