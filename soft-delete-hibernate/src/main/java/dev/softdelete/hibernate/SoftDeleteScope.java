package dev.softdelete.hibernate;

/**
 * A change of soft-delete behaviour for one session, undone by {@link #close()}: a visibility
 * scope ({@link SoftDeleteSession#unfiltered()}, {@link SoftDeleteSession#onlyDeleted()}) or a
 * reason scope ({@link SoftDeleteSession#deletingBecause(String)}).
 *
 * <pre>{@code
 * try (SoftDeleteScope trash = session.onlyDeleted()) {
 *     List<Customer> deleted = session.createQuery("from Customer", Customer.class).list();
 * }
 * }</pre>
 *
 * Scopes nest; closing one restores what was in effect when it was opened. Closing twice is
 * harmless.
 *
 * @since 0.1.0
 */
public interface SoftDeleteScope extends AutoCloseable {

    /**
     * Restores the behaviour that was in effect when this scope was opened.
     */
    @Override
    void close();
}
