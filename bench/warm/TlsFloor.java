import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.zip.GZIPInputStream;
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
 * With a fifth argument "gunzip" the reply's body (a gzip file with a Content-Length) is inflated and dropped, the
 * least any archive fetch must do (bench/https/gitgit.sh).
 * Usage: java TlsFloor MODE HOST PORT PATH [gunzip]
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
            InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
            if (args.length > 4 && args[4].equals("gunzip")) {
                skipHeaders(in);
                in = new GZIPInputStream(in, 65536);
            }
            byte[] buffer = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
            }
            if (total == 0) {
                throw new IllegalStateException("no reply from " + host);
            }
        }
    }

    private static void skipHeaders(InputStream in) throws java.io.IOException {
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IllegalStateException("the reply ended in its headers");
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
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
