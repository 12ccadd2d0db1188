/**
 * Git data shared by the fetchers: the git wire protocol ({@code io.jhub.git.wire}: pkt-lines, ref advertisements
 * v0/v2, ref resolution), pack parsing ({@code io.jhub.git.pack}, for jhub's SSH fetcher only) and the one safe
 * tree writer that every fetched tree goes through, whatever the protocol,
 * so a tree gets the same verdict over HTTPS and SSH.
 *
 * @since 0.2
 */
module io.jhub.git {
    requires transitive io.jhub.api;

    exports io.jhub.git;
    exports io.jhub.git.attributes;
    exports io.jhub.git.pack to io.jhub.fetch.ssh;
    exports io.jhub.git.wire;
}
