/**
 * The {@link io.jhub.core.Hub} facade: load, list, help and import hub repositories.
 *
 * @since 0.1
 */
package io.jhub.core;
