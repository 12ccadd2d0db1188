package io.jhub.core.internal.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleFinder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaRuntimeTest {
    @Test
    void aSlimJhubImageIsToldTheJlinkImageLineThatLinksTheModulesIn() {
        String advice = new JavaRuntime("/opt/jhub", Optional.of("slim")).adviceForAbsent(List.of("java.sql"));
        assertTrue(advice.contains("packaging/jlink-image.sh --slim --add-modules java.sql"), advice);
        assertTrue(advice.contains("leave out --slim"), advice);
        assertTrue(advice.contains("/opt/jhub") && advice.contains("java.sql is a JDK module"), advice);
    }

    @Test
    void theStandardImageAndOtherTrimmedRuntimesGetTheAddModulesLineForEveryMissingModule() {
        String standard = new JavaRuntime("/img", Optional.of("standard"))
                .adviceForAbsent(List.of("jdk.httpserver", "jdk.jfr"));
        assertTrue(standard.contains("packaging/jlink-image.sh --add-modules jdk.httpserver,jdk.jfr"), standard);
        assertFalse(standard.contains("--slim"), standard);
        String other = new JavaRuntime("/custom", Optional.of("other")).adviceForAbsent(List.of("java.sql"));
        assertTrue(other.contains("a jlink image at /custom") && other.contains("--add-modules java.sql"), other);
    }

    @Test
    void aFullRuntimeIsNotSentToTheImageScript() {
        String advice = new JavaRuntime("/usr/lib/jvm/jdk", Optional.empty()).adviceForAbsent(List.of("jdk.future"));
        assertTrue(advice.contains("run on a JDK that has it"), advice);
        assertFalse(advice.contains("jlink-image.sh"), advice);
    }

    @Test
    void theRunningJdkIsDetectedAsAFullRuntimeUnlessTheImageLauncherSaysOtherwise() {
        boolean fullJdk = ModuleFinder.ofSystem().find("java.se").isPresent();
        boolean launcherProperty = System.getProperty(JavaRuntime.IMAGE_PROPERTY) != null;
        assertEquals(!fullJdk || launcherProperty, JavaRuntime.current().image().isPresent());
        assertEquals(System.getProperty("java.home"), JavaRuntime.current().javaHome());
    }

    @Test
    void onlyJavaAndJdkNamesAreJdkModuleNames() {
        assertTrue(JavaRuntime.isJdkName("java.sql") && JavaRuntime.isJdkName("jdk.httpserver"));
        assertFalse(JavaRuntime.isJdkName("javax.inject") || JavaRuntime.isJdkName("jdkx.foo")
                || JavaRuntime.isJdkName("com.example"));
    }
}
