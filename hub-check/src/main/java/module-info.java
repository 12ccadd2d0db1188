/**
 * The hub author's check ({@link io.jhub.check.HubCheck}): compiles a hub repository directory the way a load
 * would, against this runtime, without running any of its code, and reports its entries, resources,
 * {@code lib/} jars and problems ({@link io.jhub.check.HubCheckReport}). It is no step of the load pipeline, so it
 * lives outside {@code io.jhub.core}, whose compiler and layer internals it reaches through that module's
 * qualified exports.
 *
 * @since 0.2
 */
module io.jhub.check {
    requires transitive io.jhub.api;
    requires io.jhub.core;

    exports io.jhub.check;
}
