package dev.softdelete.spring;

import dev.softdelete.hibernate.RestoreConflictException;
import dev.softdelete.hibernate.RestoreOption;
import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The library's session operations for Spring code: each runs on the {@code EntityManager} of the
 * current transaction, and in a new transaction when none is active (a scope, a restore and a hard
 * delete act on one session, which Spring binds to a transaction). Repositories called inside the
 * callback take part in the same transaction, so they see what the scope shows.
 *
 * <pre>{@code
 * List<Post> trash = softDelete.onlyDeleted(() -> postRepository.findAll());
 * softDelete.restore(Post.class, id);
 * softDelete.deletingBecause("spam", () -> postRepository.deleteById(id));
 * }</pre>
 *
 * The Spring Boot starter defines one for the application's {@code EntityManagerFactory}.
 *
 * @since 0.1.0
 */
public class SoftDeleteTemplate {

    private final EntityManagerFactory entityManagerFactory;
    private final TransactionTemplate transactions;

    /**
     * @param entityManagerFactory the factory whose transactional {@code EntityManager} the operations use
     * @param transactionManager   the transaction manager that binds that {@code EntityManager}
     */
    public SoftDeleteTemplate(EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager) {
        this.entityManagerFactory = Objects.requireNonNull(entityManagerFactory, "entityManagerFactory");
        this.transactions = new TransactionTemplate(Objects.requireNonNull(transactionManager, "transactionManager"));
    }

    /**
     * Runs {@code work} with deleted rows visible too, as in {@link SoftDeleteSession#unfiltered()}.
     *
     * @param work what to run; its result is returned
     * @param <T>  the result's type
     * @return what {@code work} returned
     */
    public <T> T unfiltered(Supplier<T> work) {
        return inScope(SoftDeleteSession::unfiltered, work);
    }

    /**
     * Runs {@code work} seeing only deleted rows (the trash), as in {@link SoftDeleteSession#onlyDeleted()}.
     *
     * @param work what to run; its result is returned
     * @param <T>  the result's type
     * @return what {@code work} returned
     */
    public <T> T onlyDeleted(Supplier<T> work) {
        return inScope(SoftDeleteSession::onlyDeleted, work);
    }

    /**
     * Runs {@code work} recording {@code reason} on the rows it soft-deletes, as in
     * {@link SoftDeleteSession#deletingBecause(String)}: each
     * {@code remove()} inside takes the reason when it is called.
     *
     * @param reason why the rows are deleted
     * @param work   what to run
     */
    public void deletingBecause(String reason, Runnable work) {
        Objects.requireNonNull(work, "work");
        inScope(session -> session.deletingBecause(reason), () -> {
            work.run();
            return null;
        });
    }

    /**
     * Restores a deleted row and what its delete cascaded to; see {@link SoftDeleteSession#restore(Class, Object, RestoreOption...)}.
     *
     * @param entityClass the entity type
     * @param id          the row's id
     * @param options     restore options
     * @return {@code true} if the row was deleted and is now live
     * @throws RestoreConflictDataAccessException when a live row holds one of its unique values
     */
    public boolean restore(Class<?> entityClass, Object id, RestoreOption... options) {
        try {
            return inSession(session -> session.restore(entityClass, id, options));
        }
        catch (RestoreConflictException e) {
            throw new RestoreConflictDataAccessException(e);
        }
    }

    /**
     * Restores every row of a type deleted at or after {@code since}; see
     * {@link SoftDeleteSession#restoreDeletedSince(Class, Instant, RestoreOption...)}.
     *
     * @param entityClass the entity type
     * @param since       the earliest delete instant restored
     * @param options     restore options
     * @return the number of roots restored
     * @throws RestoreConflictDataAccessException when a live row holds a unique value of one of them
     */
    public int restoreDeletedSince(Class<?> entityClass, Instant since, RestoreOption... options) {
        try {
            return inSession(session -> session.restoreDeletedSince(entityClass, since, options));
        }
        catch (RestoreConflictException e) {
            throw new RestoreConflictDataAccessException(e);
        }
    }

    /**
     * Restores the rows of a type with the given ids, together; see
     * {@link SoftDeleteSession#restoreAll(Class, java.util.Collection, RestoreOption...)}.
     *
     * @param entityClass the entity type
     * @param ids         the rows' ids
     * @param options     restore options
     * @return the number of the given rows that were deleted and are restored
     * @throws RestoreConflictDataAccessException when a live row holds a unique value of one of them
     */
    public int restoreAll(Class<?> entityClass, java.util.Collection<?> ids, RestoreOption... options) {
        try {
            return inSession(session -> session.restoreAll(entityClass, ids, options));
        }
        catch (RestoreConflictException e) {
            throw new RestoreConflictDataAccessException(e);
        }
    }

    /**
     * Deletes a row for good, live or deleted; see {@link SoftDeleteSession#hardDelete(Class, Object)}.
     *
     * @param entityClass the entity type
     * @param id          the row's id
     * @return {@code true} if a row was deleted
     */
    public boolean hardDelete(Class<?> entityClass, Object id) {
        return inSession(session -> session.hardDelete(entityClass, id));
    }

    /**
     * Runs {@code work} with the library's view of the current transaction's session, for the
     * operations this class does not wrap.
     *
     * @param work what to run
     * @param <T>  the result's type
     * @return what {@code work} returned
     */
    public <T> T inSession(Function<SoftDeleteSession, T> work) {
        Objects.requireNonNull(work, "work");
        return transactions.execute(status -> work.apply(currentSession()));
    }

    private <T> T inScope(Function<SoftDeleteSession, SoftDeleteScope> open, Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return inSession(session -> {
            SoftDeleteScope scope = open.apply(session);
            try {
                return work.get();
            }
            finally {
                scope.close();
            }
        });
    }

    private SoftDeleteSession currentSession() {
        EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
        if (entityManager == null) {
            throw new IllegalStateException("softdelete: no EntityManager is bound to the transaction of "
                    + entityManagerFactory + "; is the transaction manager a JpaTransactionManager for it?");
        }
        return SoftDeleteSession.wrap(entityManager);
    }
}
