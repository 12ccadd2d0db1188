package io.jhub.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The usage texts and the parser agree on the options, and every usage text matches its golden file under
 * src/test/resources/usage (regenerate with -Djhub.golden.update=true and review the diff).
 */
class UsageTest {
    private static final Path GOLDEN = Path.of("src/test/resources/usage");

    @Test
    void everyOptionTheParserAcceptsIsInAUsageText() {
        StringBuilder all = new StringBuilder(Usage.global());
        Commands.ALL.forEach(c -> all.append(Usage.of(c.spec())));
        List<String> missing = CliArgs.optionNames().stream().filter(name -> !all.toString().contains("--" + name))
                .collect(Collectors.toList());
        assertEquals(List.of(), missing, "options the parser accepts but no usage text shows");
    }

    @Test
    void eachCommandsUsageListsExactlyTheOptionsItAccepts() {
        for (Command c : Commands.ALL) {
            String usage = Usage.of(c.spec());
            for (Option o : Options.all()) {
                boolean shown = usage.contains("--" + o.name() + " ") || usage.contains("--" + o.name() + "\n");
                boolean accepted = c.spec().accepts(o.name());
                assertEquals(accepted, shown, c.spec().name() + " --" + o.name() + ":\n" + usage);
            }
        }
    }

    @Test
    void usageTextsMatchTheGoldenFiles() throws IOException {
        List<String> texts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add("jhub");
        texts.add(Usage.global());
        for (Command c : Commands.ALL) {
            names.add(c.spec().name().replace(' ', '-'));
            texts.add(Usage.of(c.spec()));
        }
        boolean update = Boolean.getBoolean("jhub.golden.update");
        for (int i = 0; i < names.size(); i++) {
            Path file = GOLDEN.resolve(names.get(i) + ".txt");
            if (update) {
                Files.createDirectories(GOLDEN);
                Files.writeString(file, texts.get(i), StandardCharsets.UTF_8);
            }
            assertTrue(Files.isRegularFile(file), "no golden file " + file + " (run with -Djhub.golden.update=true)");
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), texts.get(i), file.toString());
        }
    }

    @Test
    void noUsageLineIsWiderThanAHundredColumns() {
        Commands.ALL.forEach(c -> Usage.of(c.spec()).lines().forEach(l -> assertTrue(l.length() <= 100, l)));
        Usage.global().lines().forEach(l -> assertTrue(l.length() <= 110, l));
    }
}
