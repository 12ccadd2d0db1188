package io.jhub.cli.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code jhub load <repo-or-dir> <entry> [args...]}: calls an entry and prints what it returns. */
final class LoadCommand implements Command {
    private static final Spec SPEC = new Spec("load", "<repo-or-dir> <entry> [args...] [--arg name=value]...",
            "call an entry and print what it returns", Options.concat(Options.RUN, List.of("arg")), 2,
            Integer.MAX_VALUE, """
            Text arguments are converted to the entry's parameter types: numbers, booleans, strings, paths, URIs,
            enums by name; an array parameter from comma-separated elements (1,2,3), a varargs one from separate
            arguments. --arg binds by parameter name.""");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        CliArgs cli = in.args();
        String entry = cli.word(1, "an entry name");
        List<String> positional = cli.words().subList(2, cli.words().size());
        Object result = RepoArgs.repo(in, 0).importModule().invoke(entry, positional, cli.namedArgs(),
                TextArguments.INSTANCE);
        in.out().println(render(result));
    }

    static String render(Object result) {
        if (result == null) {
            return "null";
        }
        if (result instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        if (result.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {result}).replaceAll("^\\[|\\]$", "");
        }
        if (result instanceof Map<?, ?> m) {
            return m.toString();
        }
        return String.valueOf(result);
    }
}
