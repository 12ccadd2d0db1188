import java.io.IOException;
import java.io.InputStream;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks what {@code maven-deploy-plugin} wrote for one artifact into a file repository, as Maven Central would:
 * the POM (own name and description; url, licenses, scm, developers and issueManagement, its own or inherited from
 * the parent POM), for a jar also {@code -sources.jar} and {@code -javadoc.jar}, an {@code .md5} and {@code .sha1}
 * beside every file that match it, and a jar that is an explicit named module (module-info.class, not an automatic
 * module). Run by the {@code deploy-check} profile of the parent pom.xml in {@code verify}, once per module:
 * <pre>java packaging/release/CheckDeployed.java REPO GROUP ARTIFACT VERSION PACKAGING BASEDIR</pre>
 * Exit 0 when all holds, 1 with every problem listed otherwise.
 */
public final class CheckDeployed {
    private static final List<String> INHERITABLE = List.of("url", "licenses/license/name", "licenses/license/url",
            "scm/url", "scm/connection", "developers/developer/name", "issueManagement/url");

    private final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: CheckDeployed REPO GROUP ARTIFACT VERSION PACKAGING BASEDIR");
            System.exit(2);
        }
        CheckDeployed check = new CheckDeployed();
        String summary = check.run(Path.of(args[0]), args[1], args[2], args[3], args[4], Path.of(args[5]));
        String gav = args[1] + ":" + args[2] + ":" + args[3];
        if (!check.problems.isEmpty()) {
            System.err.println("deploy check of " + gav + " in " + args[0] + " failed:");
            check.problems.forEach(p -> System.err.println("  - " + p));
            System.exit(1);
        }
        System.out.println("deploy check: " + gav + " ok (" + summary + ")");
    }

    private String run(Path repo, String group, String artifact, String version, String packaging, Path basedir)
            throws Exception {
        Path dir = repo.resolve(group.replace('.', '/')).resolve(artifact).resolve(version);
        if (!Files.isDirectory(dir)) {
            problems.add("nothing deployed: no " + dir + " (did maven-deploy-plugin run with the deploy-check profile?)");
            return "";
        }
        String fileVersion = version.endsWith("-SNAPSHOT") ? snapshotVersion(dir, version) : version;
        String base = artifact + "-" + fileVersion;
        Path pom = checked(dir.resolve(base + ".pom"));
        if (pom != null) {
            checkPom(pom, basedir);
        }
        if (!packaging.equals("jar")) {
            return "pom, md5/sha1, metadata";
        }
        Path jar = checked(dir.resolve(base + ".jar"));
        Path sources = checked(dir.resolve(base + "-sources.jar"));
        Path javadoc = checked(dir.resolve(base + "-javadoc.jar"));
        String module = jar == null ? "?" : moduleName(jar);
        requireEntry(sources, "module-info.java", "the sources jar");
        requireEntry(javadoc, "index.html", "the javadoc jar");
        return "module " + module + "; jar, sources, javadoc, pom; md5/sha1; metadata";
    }

    /** The file version of the newest snapshot build, from the version directory's maven-metadata.xml. */
    private String snapshotVersion(Path dir, String version) throws Exception {
        Path metadata = dir.resolve("maven-metadata.xml");
        if (!Files.isRegularFile(metadata)) {
            problems.add("no " + metadata + " for the snapshot " + version);
            return version;
        }
        Document doc = parse(metadata);
        String timestamp = text(doc.getDocumentElement(), "versioning/snapshot/timestamp").orElse("");
        String build = text(doc.getDocumentElement(), "versioning/snapshot/buildNumber").orElse("");
        if (timestamp.isEmpty() || build.isEmpty()) {
            problems.add(metadata + " names no snapshot timestamp and build number");
            return version;
        }
        return version.substring(0, version.length() - "SNAPSHOT".length()) + timestamp + "-" + build;
    }

    /** Checks that the file exists, is not empty and has matching .md5 and .sha1 files; returns it, or null. */
    private Path checked(Path file) throws IOException, NoSuchAlgorithmException {
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            problems.add("missing or empty: " + file.getFileName());
            return null;
        }
        byte[] bytes = Files.readAllBytes(file);
        for (String[] sum : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}}) {
            Path sumFile = file.resolveSibling(file.getFileName() + "." + sum[0]);
            String expected = HexFormat.of().formatHex(MessageDigest.getInstance(sum[1]).digest(bytes));
            if (!Files.isRegularFile(sumFile)) {
                problems.add("no checksum " + sumFile.getFileName());
            } else if (!Files.readString(sumFile).strip().split("\\s+")[0].equalsIgnoreCase(expected)) {
                problems.add(sumFile.getFileName() + " does not match " + file.getFileName() + " (" + expected + ")");
            }
        }
        return file;
    }

    private void checkPom(Path pom, Path basedir) throws Exception {
        Element project = parse(pom).getDocumentElement();
        for (String own : List.of("name", "description")) {
            if (text(project, own).isEmpty()) {
                problems.add(pom.getFileName() + " has no <" + own + "> of its own");
            }
        }
        for (String path : INHERITABLE) {
            if (inherited(project, basedir, path, 0).isEmpty()) {
                problems.add(pom.getFileName() + " neither has nor inherits <" + path.replace("/", "><") + ">");
            }
        }
    }

    /** The element's text in this POM, else in its parent POM (found at relativePath, default ../pom.xml). */
    private Optional<String> inherited(Element project, Path basedir, String path, int depth) throws Exception {
        Optional<String> own = text(project, path);
        if (own.isPresent() || depth > 5) {
            return own;
        }
        Optional<Element> parent = child(project, "parent");
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        Path parentPom = basedir.resolve(text(parent.get(), "relativePath").orElse("../pom.xml")).normalize();
        if (Files.isDirectory(parentPom)) {
            parentPom = parentPom.resolve("pom.xml");
        }
        if (!Files.isRegularFile(parentPom)) {
            problems.add("parent POM " + parentPom + " not found");
            return Optional.empty();
        }
        Element parentProject = parse(parentPom).getDocumentElement();
        String wanted = text(parent.get(), "artifactId").orElse("?");
        if (!wanted.equals(text(parentProject, "artifactId").orElse(""))) {
            problems.add(parentPom + " is not the parent " + wanted);
            return Optional.empty();
        }
        return inherited(parentProject, parentPom.getParent(), path, depth + 1);
    }

    private String moduleName(Path jar) {
        Set<ModuleReference> found;
        try {
            found = ModuleFinder.of(jar).findAll();
        } catch (FindException e) {
            problems.add(jar.getFileName() + " is not a valid module: " + e.getMessage());
            return "?";
        }
        if (found.size() != 1) {
            problems.add(jar.getFileName() + " is not one module");
            return "?";
        }
        ModuleDescriptor descriptor = found.iterator().next().descriptor();
        if (descriptor.isAutomatic()) {
            problems.add(jar.getFileName() + " is an automatic module (" + descriptor.name()
                    + "): add a module-info.java");
        }
        return descriptor.name();
    }

    private void requireEntry(Path zip, String entry, String what) throws IOException {
        if (zip == null) {
            return;
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            if (file.getEntry(entry) == null) {
                problems.add(what + " " + zip.getFileName() + " has no " + entry);
            }
        }
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(xml)) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static Optional<String> text(Element from, String path) {
        Element at = from;
        for (String name : path.split("/")) {
            Optional<Element> next = child(at, name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        String value = at.getTextContent().strip();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name.equals(e.getLocalName()) || name.equals(e.getTagName()))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
