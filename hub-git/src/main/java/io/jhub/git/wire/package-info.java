/**
 * The git wire protocol as the fetchers speak it: pkt-lines ({@link io.jhub.git.wire.PktLineReader},
 * {@link io.jhub.git.wire.PktLineWriter}), ref advertisements of protocol v0 and v2
 * ({@link io.jhub.git.wire.RefAdvertisement}), and ref resolution ({@link io.jhub.git.wire.RefResolver}), which
 * applies the abbreviated-commit rule of {@link io.jhub.api.spi.Resolution} rather than a copy of it.
 * Exported: jhub's HTTPS and SSH fetchers use it, and a third-party fetcher that speaks git may too.
 * Moved here from {@code io.jhub.core.git} in 0.2.
 *
 * @since 0.1
 */
package io.jhub.git.wire;
