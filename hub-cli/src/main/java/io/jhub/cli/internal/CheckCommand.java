package io.jhub.cli.internal;

import io.jhub.api.HubDefaults;
import io.jhub.api.HubException;
import io.jhub.check.HubCheck;
import io.jhub.check.HubCheckReport;
import io.jhub.check.HubCheckReport.Entry;
import io.jhub.check.HubCheckReport.Finding;
import io.jhub.check.HubCheckReport.LibJar;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code jhub check DIR [--hubconf PATH]}: compiles a hub directory without running any of it and prints what a
 * load would see (entries, dependencies, resources, {@code lib/} jars) and every finding as
 * {@code file:line:column: error|warning: message}. Errors make the command fail (status 1); warnings do not.
 */
final class CheckCommand implements Command {
    private static final Spec SPEC = new Spec("check", "<dir>",
            "compile a hub without running it; list its entries and problems", List.of("hubconf"), 1, 1, "");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        run(in.args(), in.out());
    }

    /**
     * Runs the command.
     *
     * @param cli the parsed command line
     * @param out where the report goes
     * @throws UsageException if no directory or more than one is given
     * @throws HubException if the directory or its hubconf is missing, or the check found errors
     */
    static void run(CliArgs cli, PrintStream out) {
        String dirArg = cli.word(0, "a hub directory (jhub check DIR)");
        if (cli.words().size() > 1) {
            throw new UsageException("jhub check takes one directory, got also \"" + cli.words().get(1) + "\"");
        }
        Path dir = Path.of(dirArg);
        if (!Files.isDirectory(dir)) {
            throw new HubException("No directory \"" + dirArg + "\": jhub check takes the directory of a hub"
                    + " repository, the one that holds hubconf.java.");
        }
        HubCheckReport report = HubCheck.check(dir, cli.option("hubconf").orElse(HubDefaults.DEFAULT_HUBCONF_ENTRY));
        print(report, out);
        if (!report.ok()) {
            int n = report.errors().size();
            throw new HubException("the hub in " + dirArg + " has " + n + (n == 1 ? " error" : " errors")
                    + " (listed above); fix them and run jhub check again");
        }
    }

    private static void print(HubCheckReport r, PrintStream out) {
        out.println("hub:          " + r.root());
        out.println("hubconf:      " + r.hubconf() + r.packageName().map(p -> " (package " + p + ")").orElse(""));
        out.println("module:       " + (r.declaredModule() ? "declared in module-info.java"
                : r.packageName().map(p -> p + ", defined by jhub (no module-info.java)").orElse("unknown")));
        out.println("dependencies: " + (r.dependencies().isEmpty() ? "none" : String.join(", ", r.dependencies())));
        out.println("entries:" + (r.entries().isEmpty() ? "      none" : ""));
        for (Entry e : r.entries()) {
            out.println("  " + e.signature() + "  (" + e.location() + ")");
        }
        out.println("resources:" + (r.resources().isEmpty() ? "    none" : ""));
        r.resources().forEach(res -> out.println("  " + res));
        out.println("lib/ jars:" + (r.libJars().isEmpty() ? "    none" : ""));
        for (LibJar j : r.libJars()) {
            out.println("  " + j.file() + "  " + j.module().map(m -> "module " + m
                    + (j.automatic() ? " (automatic)" : " (explicit)")).orElse("not a module"));
        }
        List<Finding> findings = r.findings();
        if (!findings.isEmpty()) {
            out.println();
            findings.forEach(f -> out.println(f));
        }
        int errors = r.errors().size();
        int warnings = r.warnings().size();
        out.println();
        out.println((errors == 0 ? "ok: " : "failed: ") + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning" : " warnings"));
    }
}
