package dev.softdelete.spring;

import dev.softdelete.hibernate.RestoreConflictException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * A restore refused because a live row holds one of the deleted row's unique values, in Spring's
 * data-access exception hierarchy: repositories and {@link SoftDeleteTemplate} throw it where the
 * library throws {@link RestoreConflictException}, so a handler of
 * {@link DataIntegrityViolationException} (an HTTP 409, typically) catches it. Nothing was restored.
 *
 * <pre>{@code
 * @ExceptionHandler(RestoreConflictDataAccessException.class)
 * ResponseEntity<String> conflict(RestoreConflictDataAccessException e) {
 *     return ResponseEntity.status(409).body("held by " + e.getConflict().getLiveId());
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
public class RestoreConflictDataAccessException extends DataIntegrityViolationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param conflict the library's exception, which names the constraint and both rows
     */
    public RestoreConflictDataAccessException(RestoreConflictException conflict) {
        super(conflict.getMessage(), conflict);
    }

    /**
     * The library's exception: the entity, the constraint, its columns, the restored row's id and the live row's id.
     *
     * @return the conflict
     */
    public RestoreConflictException getConflict() {
        return (RestoreConflictException) getCause();
    }
}
