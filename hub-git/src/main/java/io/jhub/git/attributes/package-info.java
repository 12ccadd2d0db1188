/**
 * The export rules of {@code .gitattributes} ({@code export-ignore}, {@code export-subst}, {@code ident},
 * end-of-line and encoding conversion) applied to a tree exactly as {@code git archive} applies them, so a tree
 * fetched as git objects equals the host's archive of the same commit. Entry points: {@link
 * io.jhub.git.attributes.AttributeRules} and {@link io.jhub.git.attributes.ExportFilter}.
 *
 * @since 0.2
 */
package io.jhub.git.attributes;
