/**
 * The HTTP download engine shared by the HTTPS fetcher and pretrained weights: redirects followed by jhub with
 * per-host credentials, retries with back-off, timeouts, proxies from the environment, streamed bodies.
 *
 * @since 0.1
 */
package io.jhub.core.http;
