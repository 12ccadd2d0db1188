/**
 * Test support shared by jhub's test suites: self-signed certificates, git repositories built with the real
 * {@code git}, loopback servers. Test scope only; never shipped.
 */
module io.jhub.testkit {
    requires transitive jdk.httpserver;
    exports io.jhub.testkit;
}
