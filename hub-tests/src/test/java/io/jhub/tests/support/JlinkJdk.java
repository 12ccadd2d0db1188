package io.jhub.tests.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a JDK whose {@code jlink} links jsch 2.28.8 (24 or later): {@code -Djhub.jlink.jdk}, else
 * {@code JLINK_JDK}, else the running JDK if it is new enough, else {@code /usr/lib/jvm/temurin-25-jdk-amd64}.
 */
public final class JlinkJdk {
    private JlinkJdk() {
    }

    /**
     * Returns the JDK to link with.
     *
     * @return its home, or empty if none is found
     */
    public static Optional<Path> find() {
        Stream<Optional<String>> candidates = Stream.of(
                Optional.ofNullable(System.getProperty("jhub.jlink.jdk")),
                Optional.ofNullable(System.getenv("JLINK_JDK")),
                Runtime.version().feature() >= 24 ? Optional.of(System.getProperty("java.home")) : Optional.empty(),
                Optional.of("/usr/lib/jvm/temurin-25-jdk-amd64"));
        return candidates.flatMap(Optional::stream).filter(s -> !s.isBlank()).map(Path::of)
                .filter(p -> Files.isExecutable(p.resolve("bin/jlink"))).findFirst();
    }
}
