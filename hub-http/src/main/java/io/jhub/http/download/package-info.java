/**
 * File downloads into a cache directory, verified, resumable and fetched in parallel ranges
 * ({@link io.jhub.http.download.FileDownloads}), with per-download {@link io.jhub.http.download.DownloadOptions}.
 *
 * @since 0.2
 */
package io.jhub.http.download;
