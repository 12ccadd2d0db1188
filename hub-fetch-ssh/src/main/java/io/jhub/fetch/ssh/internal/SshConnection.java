package io.jhub.fetch.ssh.internal;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.jhub.api.AuthenticationException;
import io.jhub.api.FetchException;
import io.jhub.api.HostKeyException;
import io.jhub.api.HostUnreachableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * One SSH exec channel running {@code git-upload-pack} on the server, with jsch: host key checked against
 * known_hosts, public-key authentication only (agent keys, then key files), connect and read timeouts.
 */
public final class SshConnection implements AutoCloseable {
    private final Session session;
    private final ChannelExec channel;
    private final ReadTimeout in;
    private final OutputStream out;
    private final BoundedText stderr;

    private SshConnection(Session session, ChannelExec channel, ReadTimeout in, OutputStream out, BoundedText stderr) {
        this.stderr = stderr;
        this.session = session;
        this.channel = channel;
        this.in = in;
        this.out = out;
    }

    /**
     * Connects and starts the upload-pack command.
     *
     * @param s the settings
     * @param askV2 whether to send {@code GIT_PROTOCOL=version=2}
     * @return the connection
     * @throws HostKeyException if the host key is unknown or changed
     * @throws AuthenticationException if no key was accepted or a key file cannot be used
     * @throws FetchException if the connection fails
     * @throws IOException if the channel's streams cannot be set up
     */
    public static SshConnection open(SshSettings s, boolean askV2) throws IOException {
        JSch jsch = new JSch();
        CheckedHostKeys hostKeys = hostKeys(s);
        ClientKeys keys = ClientKeys.load(s);
        jsch.setIdentityRepository(keys.repository());
        Session session = null;
        try {
            session = jsch.getSession(s.user(), s.hostName(), s.port());
            session.setHostKeyRepository(hostKeys);
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            if (s.ciphers().isPresent()) {
                session.setConfig("cipher.s2c", s.ciphers().get());
                session.setConfig("cipher.c2s", s.ciphers().get());
            }
            session.setTimeout(millis(s.connectTimeout()));
            session.connect(millis(s.connectTimeout()));
            ChannelExec ch = (ChannelExec) session.openChannel("exec");
            ch.setCommand(s.uploadPack() + " " + quote(s.path()));
            if (askV2) {
                ch.setEnv("GIT_PROTOCOL", "version=2");
            }
            ChannelPipe pipe = new ChannelPipe(1 << 20);
            ch.setOutputStream(pipe.sink(), false);
            InputStream raw = pipe.source();
            OutputStream o = ch.getOutputStream();
            BoundedText err = new BoundedText(4096);
            ch.setErrStream(err, true);
            ch.connect(millis(s.connectTimeout()));
            session.setTimeout(0);
            Session connected = session;
            Runnable onTimeout = () -> {
                connected.disconnect();
                pipe.closeWriter();
            };
            return new SshConnection(session, ch, new ReadTimeout(raw, s.readTimeout(), onTimeout), o, err);
        } catch (JSchException e) {
            if (session != null) {
                session.disconnect();
            }
            HostKeyException hk = hostKeys.refusal(e);
            if (hk != null) {
                throw hk;
            }
            throw translate(e, s, keys);
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.disconnect();
            }
            throw e;
        }
    }

    /**
     * Returns the stream from upload-pack; reads fail after the read timeout without data.
     *
     * @return the stream
     */
    public InputStream in() {
        return in;
    }

    /**
     * Returns the stream to upload-pack.
     *
     * @return the stream
     */
    public OutputStream out() {
        return out;
    }

    /**
     * Returns what the server wrote to stderr so far (at most a few KB), for error messages.
     *
     * @return the text, possibly empty
     */
    public String stderr() {
        return stderr.text().strip();
    }

    /**
     * Tells whether the read timeout fired.
     *
     * @return true after a timeout
     */
    public boolean timedOut() {
        return in.timedOut();
    }

    /**
     * Returns the remote command's exit status, if it has exited.
     *
     * @return the status, or -1
     */
    public int exitStatus() {
        return channel.getExitStatus();
    }

    @Override
    public void close() {
        in.stop();
        channel.disconnect();
        session.disconnect();
    }

    private static CheckedHostKeys hostKeys(SshSettings s) {
        return new CheckedHostKeys(KnownHostsFile.read(s.knownHosts()), s.hostName(), s.port());
    }

    private static FetchException translate(JSchException e, SshSettings s, ClientKeys keys) {
        String msg = String.valueOf(e.getMessage());
        Throwable cause = e.getCause();
        if (msg.contains("Auth fail") || msg.contains("Auth cancel")) {
            return keys.refused(s, e);
        }
        String where = s.hostName() + ":" + s.port();
        if (cause instanceof UnknownHostException) {
            return new HostUnreachableException(where, "Unknown SSH host \"" + s.hostName() + "\": check the host "
                    + "name or your SSH config.", e);
        }
        if (cause instanceof ConnectException || cause instanceof SocketTimeoutException || msg.contains("timeout")) {
            return new HostUnreachableException(where, "Cannot connect to the SSH server " + where + " ("
                    + (cause != null ? cause.getMessage() : msg) + "); check the host, the port and your network. "
                    + "The connect timeout is " + s.connectTimeout().toSeconds() + " s.", e);
        }
        return new FetchException("SSH connection to " + s.hostName() + ":" + s.port() + " failed: " + msg, e);
    }

    static String quote(String path) {
        return "'" + path.replace("'", "'\\''") + "'";
    }

    private static int millis(java.time.Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }

    /** Keeps the first bytes written to it. */
    private static final class BoundedText extends OutputStream {
        private final byte[] buf;
        private int n;

        BoundedText(int max) {
            buf = new byte[max];
        }

        @Override
        public synchronized void write(int b) {
            if (n < buf.length) {
                buf[n++] = (byte) b;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int k = Math.min(len, buf.length - n);
            System.arraycopy(b, off, buf, n, k);
            n += k;
        }

        synchronized String text() {
            return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
