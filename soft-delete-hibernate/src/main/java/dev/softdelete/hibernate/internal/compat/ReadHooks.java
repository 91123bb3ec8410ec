package dev.softdelete.hibernate.internal.compat;

import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.service.Service;

import java.util.List;

/**
 * What the library adds to the persisters of soft-deletable entities (see {@link SoftDeletePersisters}):
 * a service of each SessionFactory, so that the persisters Hibernate instantiates by reflection find
 * the model of their own factory.
 */
public interface ReadHooks extends Service {

    /**
     * The entities of a multi-id load that the session's visibility lets it see: a hidden one leaves
     * {@code null} in its slot when the load is ordered, and no slot when it is not.
     */
    List<?> visibleOf(List<?> loaded, boolean ordered, SharedSessionContractImplementor session);

    /**
     * The fetch profile that carries the session's admin visibility, or null in the default one: the
     * key under which the library's persisters keep a loader per visibility ({@link VisibilityLoaders}).
     */
    String visibilityProfile(LoadQueryInfluencers influencers);

    /** Whether the disassembled state of a row of the entity carries a marker. */
    boolean isDeleted(String entityName, Object[] disassembledState, SharedSessionContractImplementor session);
}
