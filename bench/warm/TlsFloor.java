import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The floor under a fresh JVM's ref lookup over HTTPS (bench/warm/tls-floor.sh): one GET of a repository's
 * info/refs on a new TLS connection, and nothing else.
 * Modes: "none" starts and exits (the JVM alone); "verified" uses the default SSLContext with host name
 * verification, as jhub does; "unverified" accepts any certificate chain, which no client may do and nothing in
 * jhub does: it only shows what the handshake costs with no certificate checks at all.
 * Usage: java TlsFloor MODE HOST PORT PATH
 */
public final class TlsFloor {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (mode.equals("none")) {
            return;
        }
        SSLContext context;
        if (mode.equals("verified")) {
            context = SSLContext.getDefault();
        } else if (mode.equals("unverified")) {
            context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AcceptAll()}, null);
        } else {
            throw new IllegalArgumentException("mode: none, verified or unverified, not " + mode);
        }
        String host = args[1];
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(host, Integer.parseInt(args[2])));
            if (mode.equals("verified")) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                socket.setSSLParameters(parameters);
            }
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + args[3] + " HTTP/1.1\r\nHost: " + host + "\r\nGit-Protocol: version=2\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
            if (total == 0) {
                throw new IllegalStateException("no reply from " + host);
            }
        }
    }

    private static final class AcceptAll extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String type) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String type) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String type, Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String type, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String type, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String type, SSLEngine engine) { }
        @Override public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
