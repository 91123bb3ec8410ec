/**
 * Impact previews and the {@code DENY} policy: read-only walks over what a delete or restore would
 * reach, with the operation's own conditions, one statement per association and level.
 */
package dev.softdelete.hibernate.internal.impact;
