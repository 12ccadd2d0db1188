package io.jhub.cli.internal;

import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.core.Hub;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a {@link Command} runs with: the parsed command line, the output streams, and the hub, built on first use
 * (so that commands which need none, such as {@code help} alone or {@code completion}, start quickly).
 */
final class Invocation {
    private final CliArgs args;
    private final PrintStream out;
    private final PrintStream err;
    private final Function<Map<String, String>, Hub> hubFactory;
    private final Map<String, String> extraSettings = new LinkedHashMap<>();
    private Hub hub;
    private GitHost remoteHost;
    private RepoInfo remoteRepo;

    Invocation(CliArgs args, PrintStream out, PrintStream err, Function<Map<String, String>, Hub> hubFactory) {
        this.args = Objects.requireNonNull(args, "args");
        this.out = out;
        this.err = err;
        this.hubFactory = hubFactory;
    }

    /** The parsed command line. */
    CliArgs args() {
        return args;
    }

    /** Where results go (standard output). */
    PrintStream out() {
        return out;
    }

    /** Where messages go (standard error). */
    PrintStream err() {
        return err;
    }

    /** Whether {@code --json} was given. */
    boolean json() {
        return args.flag("json");
    }

    /** The hub, built from the options on first use. */
    Hub hub() {
        if (hub == null) {
            Map<String, String> settings = new LinkedHashMap<>(args.settings());
            settings.putAll(extraSettings);
            hub = hubFactory.apply(settings);
        }
        return hub;
    }

    /** Whether the hub has been built (an error message may then ask it about the cache). */
    boolean hubBuilt() {
        return hub != null;
    }

    /**
     * Adds a setting the command line implies (such as the SSH user of {@code ssh://bob@host/...}); only before
     * the hub is built.
     */
    void impliedSetting(String key, String value) {
        if (hub != null) {
            throw new IllegalStateException("the hub is already built");
        }
        extraSettings.put(key, value);
    }

    /** Records the remote repository the command works on, for error hints. */
    void remote(GitHost host, RepoInfo repo) {
        this.remoteHost = host;
        this.remoteRepo = repo;
    }

    Optional<GitHost> remoteHost() {
        return Optional.ofNullable(remoteHost);
    }

    Optional<RepoInfo> remoteRepo() {
        return Optional.ofNullable(remoteRepo);
    }

    /** Prints one JSON document and a newline on standard output. */
    void printJson(Object value) {
        out.println(Json.write(value));
    }
}
