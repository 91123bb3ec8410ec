package dev.softdelete.spring.data;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import java.util.List;
import java.util.Optional;

/**
 * Trash and restore methods for a Spring Data repository of a soft-deletable entity. Add it to the
 * repository's interfaces; Spring Data finds its implementation by itself:
 *
 * <pre>{@code
 * interface PostRepository extends JpaRepository<Post, Long>, SoftDeleteRepository<Post, Long> {
 * }
 *
 * Page<Post> trash = posts.findAllDeleted(PageRequest.of(0, 20, Sort.by("deletedAt").descending()));
 * posts.restoreById(id);
 * posts.restoreAllById(selectedIds);
 * }</pre>
 *
 * The repository's own methods ({@code findAll}, {@code count}, derived queries, {@code deleteById})
 * keep hiding and soft-deleting as they do everywhere. Each method here runs in the current
 * transaction, or in a new one when none is active.
 *
 * @param <T>  the entity type
 * @param <ID> the id type
 * @since 0.1.0
 */
public interface SoftDeleteRepository<T, ID> {

    /**
     * The deleted rows: the trash.
     *
     * @return every deleted row of the repository's entity
     */
    List<T> findAllDeleted();

    /**
     * A page of the deleted rows, sorted as the page request says.
     *
     * @param pageable the page and its sort
     * @return the page, with the total number of deleted rows
     */
    Page<T> findAllDeleted(Pageable pageable);

    /**
     * Every row, live and deleted.
     *
     * @return all rows
     */
    List<T> findAllIncludingDeleted();

    /**
     * A row by id whether it is live or deleted.
     *
     * @param id the id
     * @return the row, or empty if there is none with that id
     */
    Optional<T> findByIdIncludingDeleted(ID id);

    /**
     * How many rows are deleted.
     *
     * @return the number of deleted rows
     */
    long countDeleted();

    /**
     * Restores a deleted row and what its delete cascaded to.
     *
     * @param id the id
     * @return {@code true} if the row was deleted and is now live; {@code false} if it was live or absent
     * @throws dev.softdelete.spring.RestoreConflictDataAccessException when a live row holds one of its unique
     *                                                             values; nothing is restored
     */
    boolean restoreById(ID id);

    /**
     * Restores deleted rows, each with what its delete cascaded to, together: one statement per
     * association and level for up to 500 rows, not several per row. Ids of live or absent rows are
     * passed over.
     *
     * @param ids the ids
     * @return the number of the given rows that were deleted and are now live
     * @throws dev.softdelete.spring.RestoreConflictDataAccessException when a live row holds one of their
     *                                                             unique values; none of them is restored
     *                                                             (of more than 500, the groups before stay)
     */
    int restoreAllById(Iterable<? extends ID> ids);

    /**
     * Deletes a row for good, live or deleted, with what the database cascades.
     *
     * @param id the id
     * @return {@code true} if a row was deleted
     */
    boolean hardDeleteById(ID id);
}
