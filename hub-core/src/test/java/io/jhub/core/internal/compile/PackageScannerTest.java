package io.jhub.core.internal.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackageScannerTest {
    @Test
    void findsThePackageAfterCommentsAnnotationsAndABom() {
        assertEquals(Optional.of("hub.demo"), PackageScanner.packageOf("package hub.demo;"));
        assertEquals(Optional.of("hub.demo"), PackageScanner.packageOf("\uFEFF// c\n/* block; package x; */\n"
                + "/** doc */ package   hub . demo ;\nclass hubconf {}"));
        assertEquals(Optional.of("a.b"), PackageScanner.packageOf("@Deprecated @SuppressWarnings(value = \"x)\")\n"
                + "@java.lang.Deprecated package a.b;"));
        assertEquals(Optional.of("a.b"), PackageScanner.packageOf("package a/* inside */.b;"));
    }

    @Test
    void reportsNoPackageWhenThereIsNone() {
        assertEquals(Optional.empty(), PackageScanner.packageOf("public class hubconf {}"));
        assertEquals(Optional.empty(), PackageScanner.packageOf("import java.util.List;\nclass hubconf {}"));
        assertEquals(Optional.empty(), PackageScanner.packageOf("packages x;"));
        assertEquals(Optional.empty(), PackageScanner.packageOf("package ;"));
        assertEquals(Optional.empty(), PackageScanner.packageOf("package a.b"));
        assertEquals(Optional.empty(), PackageScanner.packageOf(""));
        assertEquals(Optional.empty(), PackageScanner.packageOf("/* unterminated"));
    }
}
