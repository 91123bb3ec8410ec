package dev.softdelete.hibernate.internal.compat;

import org.hibernate.persister.state.internal.StandardStateManagement;
import org.hibernate.persister.state.spi.StateManagement;

/**
 * Hibernate's own coordinators. Why internal: the library replaces the delete, update and remove
 * coordinators only, and delegates every other one (insert, merge, collection rows) to the standard
 * {@code StateManagement}, which has no SPI accessor.
 */
public final class StandardCoordinators {

    private StandardCoordinators() {
    }

    public static StateManagement standard() {
        return StandardStateManagement.INSTANCE;
    }
}
