/**
 * {@link io.jhub.check.HubCheck}: checks a hub repository directory before it is published, running none of it,
 * and returns a {@link io.jhub.check.HubCheckReport}.
 *
 * @since 0.2
 */
package io.jhub.check;
