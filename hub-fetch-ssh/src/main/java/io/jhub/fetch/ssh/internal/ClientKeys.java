package io.jhub.fetch.ssh.internal;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import io.jhub.api.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys offered to the server, as OpenSSH offers them without a terminal: ssh-agent's first, then key files.
 * jhub cannot prompt, so a passphrase-protected key file with no {@code ssh.passphrase} is left out (jsch would
 * otherwise abort the whole login with "USERAUTH fail") and named if the server refuses the others.
 */
final class ClientKeys {
    private static final System.Logger LOG = System.getLogger(ClientKeys.class.getName());

    private final IdentityRepository repository;
    private final List<String> offered;
    private final List<Path> locked;

    private ClientKeys(IdentityRepository repository, List<String> offered, List<Path> locked) {
        this.repository = repository;
        this.offered = List.copyOf(offered);
        this.locked = List.copyOf(locked);
    }

    /**
     * Loads the agent's keys and the key files.
     *
     * @throws AuthenticationException if a key file is missing or unreadable, or the passphrase does not decrypt it
     */
    static ClientKeys load(SshSettings s) {
        List<String> offered = new ArrayList<>();
        List<Path> locked = new ArrayList<>();
        byte[] pass = s.passphrase().map(p -> p.getBytes(StandardCharsets.UTF_8)).orElse(null);
        JSch files = new JSch();
        for (Path key : s.identities()) {
            if (!Files.isRegularFile(key)) {
                throw new AuthenticationException("The SSH key file " + key + " does not exist; fix the setting "
                        + SshSettings.IDENTITY + " or the IdentityFile in your SSH config.");
            }
            try {
                if (pass == null && encrypted(files, key)) {
                    locked.add(key);
                    continue;
                }
                files.addIdentity(key.toString(), pass);
                offered.add(key.toString());
            } catch (JSchException e) {
                throw unusable(key, pass != null, e);
            }
        }
        List<IdentityRepository> repos = new ArrayList<>();
        if (s.agentSocket().isPresent()) {
            try {
                IdentityRepository agent = new AgentIdentityRepository(new SSHAgentConnector(
                        new UnixDomainSocketFactory(), s.agentSocket().get()));
                int n = agent.getIdentities().size();
                repos.add(agent);
                offered.add(0, "ssh-agent at " + s.agentSocket().get() + " (" + n + " keys)");
            } catch (Exception | LinkageError e) {
                LOG.log(System.Logger.Level.DEBUG, "ssh-agent at {0} not usable: {1}", s.agentSocket().get(), e);
            }
        }
        repos.add(files.getIdentityRepository());
        return new ClientKeys(new CompositeIdentities(repos), offered, locked);
    }

    IdentityRepository repository() {
        return repository;
    }

    /** The exception for a login the server refused, naming what was offered and what could not be. */
    AuthenticationException refused(SshSettings s, Throwable cause) {
        String where = s.hostName() + ":" + s.port();
        String lockedText = locked.isEmpty() ? "" : " " + (locked.size() == 1 ? "The key file " + locked.get(0)
                + " is" : "The key files " + locked + " are") + " passphrase-protected and no passphrase was given, "
                + "so jhub (which cannot prompt) did not offer " + (locked.size() == 1 ? "it" : "them")
                + ": give the passphrase with the setting " + SshSettings.PASSPHRASE + ", or load the key into "
                + "ssh-agent (ssh-add " + locked.get(0) + ") with SSH_AUTH_SOCK set.";
        if (offered.isEmpty() && !locked.isEmpty()) {
            return new AuthenticationException("Cannot log in to the SSH server " + where + " as \"" + s.user()
                    + "\": no usable key." + lockedText, cause);
        }
        return new AuthenticationException("The SSH server " + where + " refused the keys offered for user \""
                + s.user() + "\": " + (offered.isEmpty() ? "none (no key file and no ssh-agent found)"
                : String.join(", ", offered)) + ". Register the public key with the host, or point the setting "
                + SshSettings.IDENTITY + " at the right private key." + lockedText, cause);
    }

    private static boolean encrypted(JSch jsch, Path key) throws JSchException {
        KeyPair kp = KeyPair.load(jsch, key.toString());
        try {
            return kp.isEncrypted();
        } finally {
            kp.dispose();
        }
    }

    private static AuthenticationException unusable(Path key, boolean withPassphrase, JSchException e) {
        if (withPassphrase && String.valueOf(e.getMessage()).contains("passphrase")) {
            return new AuthenticationException("The passphrase given with the setting " + SshSettings.PASSPHRASE
                    + " does not decrypt the SSH key file " + key + " (it is passphrase-protected and the passphrase "
                    + "is wrong). Check the passphrase, or leave the setting out and load the key into ssh-agent "
                    + "(ssh-add " + key + ").", e);
        }
        return new AuthenticationException("Cannot use the SSH key file " + key + ": " + e.getMessage() + ". "
                + "It must be an OpenSSH or PEM private key" + (withPassphrase ? ""
                : "; if it is passphrase-protected, give the passphrase with the setting " + SshSettings.PASSPHRASE)
                + ".", e);
    }
}
