package io.jhub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.tests.support.Artifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code hub-bom} lists exactly the published modules of the reactor (all but the tests and the
 * BOM itself), at the reactor's version, so a new artifact cannot be forgotten in it.
 */
class BomTest {
    private static final List<String> NOT_PUBLISHED = List.of("hub-tests", "hub-bom");

    @Test
    void bomListsEveryPublishedModuleAtTheReactorVersion() throws IOException {
        Path root = Artifacts.projectRoot();
        String parent = withoutComments(Files.readString(root.resolve("pom.xml")));
        String bom = withoutComments(Files.readString(root.resolve("hub-bom/pom.xml")));

        TreeSet<String> published = new TreeSet<>(all(parent, "<module>([^<]+)</module>"));
        published.removeAll(NOT_PUBLISHED);
        String managed = section(bom, "dependencyManagement");
        TreeSet<String> inBom = new TreeSet<>(all(managed, "<artifactId>([^<]+)</artifactId>"));

        assertEquals(published, inBom, "hub-bom/pom.xml must manage exactly the published modules of pom.xml");
        assertEquals(first(parent.replaceFirst("(?s)<parent>.*?</parent>", ""), "<version>([^<]+)</version>"),
                first(bom, "<version>([^<]+)</version>"), "hub-bom's version must equal the parent's");
        assertTrue(!bom.contains("<parent>"), "hub-bom must not inherit the parent (it would leak test versions)");
    }

    private static String withoutComments(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", "");
    }

    private static List<String> all(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    private static String first(String text, String regex) {
        List<String> found = all(text, regex);
        assertTrue(!found.isEmpty(), "no match for " + regex);
        return found.get(0);
    }

    private static String section(String text, String tag) {
        int start = text.indexOf("<" + tag + ">");
        int end = text.indexOf("</" + tag + ">");
        assertTrue(start >= 0 && end > start, "no <" + tag + "> in hub-bom/pom.xml");
        return text.substring(start, end);
    }
}
