/**
 * Git trees as jhub writes them: one writer with one set of rules for names, links and limits.
 *
 * @since 0.2
 */
package io.jhub.git;
