package io.jhub.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The usage text and the parser agree on the options. */
class UsageTest {
    @Test
    void theUsageTextNamesEveryOptionTheParserAccepts() {
        List<String> missing = CliArgs.optionNames().stream()
                .filter(name -> !name.equals("help") && !Cli.USAGE.contains("--" + name))
                .collect(Collectors.toList());
        assertEquals(List.of(), missing, "options the parser accepts but `jhub --help` does not show");
    }
}
