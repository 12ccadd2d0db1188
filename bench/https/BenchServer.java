import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves one bare repository over loopback HTTPS until stdin closes. Args: workDir bareRepo owner/name. */
public class BenchServer {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        TestCertificates certs = TestCertificates.generate(work.resolve("certs"));
        try (GitHttpsServer server = GitHttpsServer.start(certs, work)) {
            server.addRepo(args[2], Path.of(args[1]));
            Files.writeString(work.resolve("port"), Integer.toString(server.port()));
            System.in.read(); // the script closes stdin to stop the server
        }
    }
}
