package io.jhub.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A loopback SSH server (Apache MINA SSHD) for tests: public-key login from an authorized_keys file, and exec
 * requests for {@code git-upload-pack '<path>'} (or {@code git upload-pack}) run the real {@code git upload-pack}
 * directly, without a shell, on bare repositories under one directory. It can pass or drop the client's
 * {@code GIT_PROTOCOL} variable (protocol v2 or v0) and can cut every connection after a number of output bytes.
 *
 * <pre>{@code
 * try (GitSshServer server = GitSshServer.builder(reposDir).authorizedKeys(authKeys).start()) {
 *     Files.writeString(knownHosts, server.knownHostsLine() + "\n");
 *     // git@127.0.0.1:<server.port()> serves reposDir/<owner>/<repo>.git
 * }
 * }</pre>
 */
public final class GitSshServer implements AutoCloseable {
    private final SshServer sshd;
    private final PublicKey hostKey;
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger v2Requests = new AtomicInteger();

    private GitSshServer(SshServer sshd, PublicKey hostKey) {
        this.sshd = sshd;
        this.hostKey = hostKey;
    }

    /**
     * Starts configuring a server.
     *
     * @param reposDir the directory whose bare repositories are served; request paths are relative to it
     * @return a builder
     */
    public static Builder builder(Path reposDir) {
        return new Builder(reposDir);
    }

    /** Configures and starts a {@link GitSshServer}. */
    public static final class Builder {
        private final Path reposDir;
        private Path authorizedKeys;
        private Path hostKeyFile;
        private boolean acceptProtocolEnv = true;
        private long killAfterBytes = -1;
        private long stallAfterBytes = -1;
        private int port;

        private Builder(Path reposDir) {
            this.reposDir = Objects.requireNonNull(reposDir, "reposDir").toAbsolutePath().normalize();
        }

        /**
         * Sets the authorized_keys file (OpenSSH format); required.
         *
         * @param file the file
         * @return this builder
         */
        public Builder authorizedKeys(Path file) {
            this.authorizedKeys = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Sets where the host key is kept; it is generated there if missing, so two servers with the same file
         * present the same key. Default: a new key in a temporary file.
         *
         * @param file the key file
         * @return this builder
         */
        public Builder hostKeyFile(Path file) {
            this.hostKeyFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * Chooses whether the client's {@code GIT_PROTOCOL} variable reaches git (v2) or is dropped (v0), as
         * OpenSSH does without {@code AcceptEnv GIT_PROTOCOL}. Default: accepted.
         *
         * @param accept true to pass it on
         * @return this builder
         */
        public Builder acceptProtocolEnv(boolean accept) {
            this.acceptProtocolEnv = accept;
            return this;
        }

        /**
         * Makes the server drop each connection abruptly after sending this many bytes of upload-pack output.
         *
         * @param bytes the byte count, or -1 for never (the default)
         * @return this builder
         */
        public Builder killAfterBytes(long bytes) {
            this.killAfterBytes = bytes;
            return this;
        }

        /**
         * Makes the server stop sending (but keep the connection open) after this many bytes of upload-pack
         * output, to test read timeouts.
         *
         * @param bytes the byte count, or -1 for never (the default)
         * @return this builder
         */
        public Builder stallAfterBytes(long bytes) {
            this.stallAfterBytes = bytes;
            return this;
        }

        /**
         * Sets the port; default 0 (any free port).
         *
         * @param port the port
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Starts the server on 127.0.0.1.
         *
         * @return the running server
         * @throws IOException if it cannot start
         */
        public GitSshServer start() throws IOException {
            if (authorizedKeys == null) {
                throw new IllegalStateException("authorizedKeys(...) is required");
            }
            Path keyFile = hostKeyFile != null ? hostKeyFile : Files.createTempFile("jhub-test-hostkey", ".ser");
            if (hostKeyFile == null) {
                Files.delete(keyFile);
            }
            SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(keyFile);
            keys.setAlgorithm("EC");
            List<KeyPair> pairs = keys.loadKeys(null);
            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost("127.0.0.1");
            sshd.setPort(port);
            sshd.setKeyPairProvider(keys);
            sshd.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
            sshd.setPasswordAuthenticator(null);
            sshd.setKeyboardInteractiveAuthenticator(null);
            GitSshServer server = new GitSshServer(sshd, pairs.get(0).getPublic());
            sshd.setCommandFactory((channel, command) -> server.new UploadPackCommand(command, reposDir,
                    acceptProtocolEnv, killAfterBytes, stallAfterBytes));
            sshd.start();
            return server;
        }
    }

    /**
     * Returns the port the server listens on.
     *
     * @return the port
     */
    public int port() {
        return sshd.getPort();
    }

    /**
     * Returns the line to put into a known_hosts file for this server.
     *
     * @return {@code [127.0.0.1]:port <type> <base64>}
     */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey);
    }

    /**
     * Returns the exec commands received so far.
     *
     * @return a copy of the list
     */
    public List<String> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    /**
     * Returns how many upload-pack runs were started with {@code GIT_PROTOCOL=version=2} passed on.
     *
     * @return the count
     */
    public int v2Requests() {
        return v2Requests.get();
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }

    /**
     * Runs a server from the command line until its standard input closes, for CLI tests and benchmarks.
     * Arguments: {@code reposDir authorizedKeys hostKeyFile [port] [v0]}. Prints {@code port=<n>} and the
     * known_hosts line on standard output.
     *
     * @param args the arguments
     * @throws IOException if the server cannot start
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: GitSshServer reposDir authorizedKeys hostKeyFile [port] [v0]");
            System.exit(2);
        }
        Builder b = builder(Path.of(args[0])).authorizedKeys(Path.of(args[1])).hostKeyFile(Path.of(args[2]));
        if (args.length > 3) {
            b.port(Integer.parseInt(args[3]));
        }
        if (args.length > 4 && args[4].equals("v0")) {
            b.acceptProtocolEnv(false);
        }
        try (GitSshServer server = b.start()) {
            System.out.println("port=" + server.port());
            System.out.println(server.knownHostsLine());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Runs git upload-pack for one exec request and pumps its streams. */
    private final class UploadPackCommand implements Command {
        private final String command;
        private final Path reposDir;
        private final boolean acceptEnv;
        private final long killAfter;
        private final long stallAfter;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private volatile Process process;

        UploadPackCommand(String command, Path reposDir, boolean acceptEnv, long killAfter, long stallAfter) {
            this.stallAfter = stallAfter;
            this.command = command;
            this.reposDir = reposDir;
            this.acceptEnv = acceptEnv;
            this.killAfter = killAfter;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            commands.add(command);
            List<String> words = ShellWords.split(command);
            boolean ok = words.size() == 2 && words.get(0).equals("git-upload-pack")
                    || words.size() == 3 && words.get(0).equals("git") && words.get(1).equals("upload-pack");
            Path repo = ok ? reposDir.resolve(stripSlash(words.get(words.size() - 1))).normalize() : null;
            if (repo == null || !repo.startsWith(reposDir) || !Files.isDirectory(repo)) {
                String msg = !ok ? "fatal: only git-upload-pack is allowed here: " + command
                        : "fatal: '" + words.get(words.size() - 1) + "' does not appear to be a git repository";
                err.write((msg + "\n").getBytes(StandardCharsets.UTF_8));
                err.flush();
                exit.onExit(128, msg);
                return;
            }
            ProcessBuilder pb = new ProcessBuilder("git", "upload-pack", repo.toString());
            pb.environment().remove("GIT_PROTOCOL");
            String proto = env.getEnv().get("GIT_PROTOCOL");
            if (acceptEnv && proto != null) {
                pb.environment().put("GIT_PROTOCOL", proto);
                if (proto.contains("version=2")) {
                    v2Requests.incrementAndGet();
                }
            }
            Process p = pb.start();
            process = p;
            Thread stdin = pump("stdin", () -> {
                byte[] buf = new byte[8192];
                try (OutputStream to = p.getOutputStream()) {
                    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                }
            });
            Thread stderr = pump("stderr", () -> {
                p.getErrorStream().transferTo(err);
                err.flush();
            });
            pump("stdout", () -> {
                byte[] buf = new byte[32768];
                long sent = 0;
                InputStream from = p.getInputStream();
                for (int n = from.read(buf); n >= 0; n = from.read(buf)) {
                    if (killAfter >= 0 && sent + n > killAfter) {
                        out.write(buf, 0, (int) (killAfter - sent));
                        out.flush();
                        p.destroyForcibly();
                        channel.getSession().close(true);
                        return;
                    }
                    if (stallAfter >= 0 && sent + n > stallAfter) {
                        out.write(buf, 0, (int) (stallAfter - sent));
                        out.flush();
                        from.transferTo(OutputStream.nullOutputStream());
                        return; // keep the channel open and silent
                    }
                    out.write(buf, 0, n);
                    out.flush();
                    sent += n;
                }
                int code = p.waitFor();
                stderr.join();
                stdin.interrupt();
                exit.onExit(code);
            });
        }

        @Override
        public void destroy(ChannelSession channel) {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
        }

        private Thread pump(String name, IoTask task) {
            Thread t = new Thread(() -> {
                try {
                    task.run();
                } catch (IOException | InterruptedException e) {
                    // the client or the process went away; the session ends with it
                }
            }, "git-ssh-" + name);
            t.setDaemon(true);
            t.start();
            return t;
        }
    }

    private static String stripSlash(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p.startsWith("~/") ? p.substring(2) : p;
    }

    @FunctionalInterface
    private interface IoTask {
        void run() throws IOException, InterruptedException;
    }

    /** Splits a command line the way a POSIX shell treats single and double quotes and backslashes. */
    static final class ShellWords {
        private ShellWords() {
        }

        static List<String> split(String line) {
            List<String> words = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean inWord = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\'') {
                    int end = line.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new UncheckedIOException(new IOException("unclosed quote in " + line));
                    }
                    cur.append(line, i + 1, end);
                    i = end;
                    inWord = true;
                } else if (c == '\\' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                    inWord = true;
                } else if (c == ' ' || c == '\t') {
                    if (inWord) {
                        words.add(cur.toString());
                        cur.setLength(0);
                        inWord = false;
                    }
                } else {
                    cur.append(c);
                    inWord = true;
                }
            }
            if (inWord) {
                words.add(cur.toString());
            }
            return words;
        }
    }
}
