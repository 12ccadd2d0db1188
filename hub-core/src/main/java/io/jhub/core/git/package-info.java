/**
 * git wire helpers shared by the HTTPS and SSH fetchers: pkt-lines, ref advertisements, ref matching.
 * Exported only to jhub's own fetcher modules.
 *
 * @since 0.1
 */
package io.jhub.core.git;
