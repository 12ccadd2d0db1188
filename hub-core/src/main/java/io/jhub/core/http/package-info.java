/**
 * The HTTP download engine shared by the HTTPS fetcher and pretrained weights: redirects followed by jhub with
 * per-host credentials, retries with back-off, timeouts, proxies from the environment, streamed bodies
 * ({@link io.jhub.core.http.HttpEngine}); and file downloads into the hub's cache, verified, resumable and
 * fetched in parallel ranges ({@link io.jhub.core.http.Downloads}).
 *
 * @since 0.1
 */
package io.jhub.core.http;
