/**
 * The HTTP engine shared by the HTTPS fetcher and pretrained weights ({@link io.jhub.http.HttpEngine}): redirects
 * followed by jhub with per-host credentials, retries with back-off, timeouts, proxies from the environment,
 * streamed bodies. File downloads built on it are in {@link io.jhub.http.download}.
 *
 * @since 0.1
 */
package io.jhub.http;
