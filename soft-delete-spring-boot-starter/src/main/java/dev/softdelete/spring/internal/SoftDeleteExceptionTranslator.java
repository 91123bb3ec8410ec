package dev.softdelete.spring.internal;

import dev.softdelete.hibernate.RestoreConflictException;
import dev.softdelete.spring.RestoreConflictDataAccessException;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.PersistenceExceptionTranslator;

/**
 * Translates the library's exceptions before Hibernate's translator, which would make a restore
 * conflict an uncategorized {@code JpaSystemException}.
 */
public final class SoftDeleteExceptionTranslator implements PersistenceExceptionTranslator, Ordered {

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException e) {
        return e instanceof RestoreConflictException conflict ? new RestoreConflictDataAccessException(conflict) : null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
