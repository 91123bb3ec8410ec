package dev.softdelete.hibernate.internal.read;

import dev.softdelete.hibernate.internal.compat.ReadHooks;
import dev.softdelete.hibernate.internal.model.SoftDeletableType;
import dev.softdelete.hibernate.internal.scope.Visibility;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.LoadQueryInfluencers;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

import java.util.ArrayList;
import java.util.List;

/**
 * The session's visibility for the reads that bypass the SQL restriction: instances a multi-id load
 * takes from the persistence context or the second-level cache, and rows offered to the entity cache.
 * A hidden instance is treated as Hibernate treats a removed one: {@code null} in its slot of an
 * ordered result, left out of an unordered one.
 */
public final class VisibleReads implements ReadHooks {

    private final SoftDeleteService service;

    public VisibleReads(SoftDeleteService service) {
        this.service = service;
    }

    @Override
    public String visibilityProfile(LoadQueryInfluencers influencers) {
        return Visibility.of(influencers).profileName();
    }

    @Override
    public List<?> visibleOf(List<?> loaded, boolean ordered, SharedSessionContractImplementor session) {
        Visibility visibility = Visibility.of(session.getLoadQueryInfluencers());
        if (visibility == Visibility.ALL) {
            return loaded;
        }
        List<Object> visible = new ArrayList<>(loaded.size());
        for (Object instance : loaded) {
            if (instance == null || isVisible(instance, visibility, session)) {
                visible.add(instance);
            }
            else if (ordered) {
                visible.add(null);
            }
        }
        return visible;
    }

    private boolean isVisible(Object instance, Visibility visibility, SharedSessionContractImplementor session) {
        return isVisible(instance, visibility, session, service);
    }

    /**
     * Whether an instance of any entity is visible in a visibility, by its marker in memory; an
     * uninitialised proxy (never read) and an instance of a plain entity always are.
     */
    static boolean isVisible(Object instance, Visibility visibility, SharedSessionContractImplementor session,
            SoftDeleteService service) {
        LazyInitializer proxy = HibernateProxy.extractLazyInitializer(instance);
        if (proxy != null && proxy.isUninitialized()) {
            return true;
        }
        Object entity = proxy == null ? instance : proxy.getImplementation();
        EntityPersister persister = session.getEntityPersister(null, entity);
        SoftDeletableType type = service.typeOf(persister.getEntityName());
        if (type == null || visibility == Visibility.ALL) {
            return true;
        }
        boolean deleted = persister.findAttributeMapping(type.markerAttribute()).getValue(entity) != null;
        return deleted == (visibility == Visibility.DELETED);
    }

    @Override
    public boolean isDeleted(String entityName, Object[] disassembledState, SharedSessionContractImplementor session) {
        SoftDeletableType type = service.typeOf(entityName);
        if (type == null || disassembledState == null) {
            return false;
        }
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(entityName);
        int position = persister.findAttributeMapping(type.markerAttribute()).getStateArrayPosition();
        return disassembledState[position] != null;
    }
}
