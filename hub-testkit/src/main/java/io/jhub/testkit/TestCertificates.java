package io.jhub.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1}, {@code ::1} and {@code localhost}, generated at test time with
 * the JDK's {@code keytool}. Gives a server {@link SSLContext}, a client {@link SSLContext} that trusts only this
 * certificate, and a PKCS12 trust store file for child JVMs ({@code -Djavax.net.ssl.trustStore=...}).
 */
public final class TestCertificates {
    /** Password of both key store files. */
    public static final String PASSWORD = "changeit";

    private final Path keyStore;
    private final Path trustStore;

    private TestCertificates(Path keyStore, Path trustStore) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    /**
     * Generates a new key pair and certificate in {@code dir}.
     *
     * @param dir a directory to hold {@code server.p12} and {@code trust.p12}
     * @return the certificates
     * @throws IOException if keytool fails
     */
    public static TestCertificates generate(Path dir) throws IOException {
        return generate(dir, "ip:127.0.0.1,ip:0:0:0:0:0:0:0:1,dns:localhost");
    }

    /**
     * Generates a new key pair and a certificate for other names only, such as {@code dns:other.invalid}, to
     * test that clients refuse a certificate that does not name the host they connect to.
     *
     * @param dir a directory to hold {@code server.p12} and {@code trust.p12}
     * @param subjectAltNames the names in keytool's {@code SAN=} syntax
     * @return the certificates
     * @throws IOException if keytool fails
     */
    public static TestCertificates generate(Path dir, String subjectAltNames) throws IOException {
        Files.createDirectories(dir);
        Path ks = dir.resolve("server.p12");
        Path cer = dir.resolve("server.cer");
        Path ts = dir.resolve("trust.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Processes.run(dir, keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=" + subjectAltNames,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        Processes.run(dir, keytool, "-exportcert", "-alias", "server", "-keystore", ks.toString(),
                "-storepass", PASSWORD, "-file", cer.toString());
        Processes.run(dir, keytool, "-importcert", "-noprompt", "-alias", "server", "-file", cer.toString(),
                "-storetype", "PKCS12", "-keystore", ts.toString(), "-storepass", PASSWORD);
        return new TestCertificates(ks, ts);
    }

    /**
     * Returns the PKCS12 file that trusts the certificate, for {@code javax.net.ssl.trustStore}.
     *
     * @return the trust store path (password {@link #PASSWORD})
     */
    public Path trustStore() {
        return trustStore;
    }

    /**
     * Returns JVM options that make a child JVM trust the certificate.
     *
     * @return the {@code -D} options
     */
    public java.util.List<String> trustStoreJvmOptions() {
        return java.util.List.of("-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStorePassword=" + PASSWORD, "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    /**
     * Returns a context for a server presenting the certificate.
     *
     * @return the server context
     */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keyStore), PASSWORD.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns a context for a client that trusts only the certificate.
     *
     * @return the client context
     */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(trustStore));
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the certificate itself.
     *
     * @return the X.509 certificate
     */
    public Certificate certificate() {
        try {
            return load(trustStore).getCertificate("server");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }
}
