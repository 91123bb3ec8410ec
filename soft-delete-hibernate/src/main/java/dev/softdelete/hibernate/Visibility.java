package dev.softdelete.hibernate;

/**
 * Which rows of soft-deletable tables a session reads at a given moment.
 *
 * @see SoftDeleteMetadata#visibility(org.hibernate.Session)
 * @since 0.1.0
 */
public enum Visibility {
    /** Live rows only: the default. */
    LIVE,
    /** Every row: inside {@link SoftDeleteSession#unfiltered()}. */
    ALL,
    /** Deleted rows only: inside {@link SoftDeleteSession#onlyDeleted()}. */
    DELETED
}
