package dev.softdelete.hibernate.internal.collection;

import dev.softdelete.hibernate.internal.compat.SoftDeleteCollectionPersisters;
import dev.softdelete.hibernate.internal.scope.SessionState;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.engine.spi.CollectionEntry;
import org.hibernate.engine.spi.CollectionKey;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A collection of soft-deletable entities read inside {@code unfiltered()} or {@code onlyDeleted()}
 * holds that scope's elements, and Hibernate would keep serving them after the scope closes. So when
 * a scope closes, every such collection read during it is replaced in its owner by a new, unread one,
 * which the next access reads in the visibility then in effect (one select, as a lazy collection
 * costs). A collection changed since it was read is left as it is: its changes must reach the flush.
 * The instance left behind is no longer saved; a change made to it later fails the next flush
 * ({@link #checkScopeViewsUnchanged}) rather than being lost.
 */
public final class ScopeReads {

    private ScopeReads() {
    }

    /** Called when a scope opens; returns what its close must do. */
    public static Runnable track(SharedSessionContractImplementor session, SessionState state) {
        Set<PersistentCollection<?>> readBefore = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PersistentCollection<?> collection : readCollections(session)) {
            readBefore.add(collection);
        }
        return () -> {
            if (session.isClosed()) {
                return;
            }
            for (PersistentCollection<?> collection : readCollections(session)) {
                if (!readBefore.contains(collection) && unread(collection, session)) {
                    state.rememberScopeView(collection);
                }
            }
        };
    }

    /**
     * After the library loaded a referenced row in a scope of its own ({@code VisibilityLoadListener}):
     * the entity's eager collections were read in that scope, not in the session's.
     */
    public static void unreadCollectionsOf(Object entity, SharedSessionContractImplementor session) {
        LazyInitializer proxy = HibernateProxy.extractLazyInitializer(entity);
        Object instance = proxy == null ? entity : proxy.getImplementation();
        if (instance == null || session.getPersistenceContextInternal().getEntry(instance) == null) {
            return;
        }
        session.getEntityPersister(null, instance).forEachAttributeMapping(attribute -> {
            if (attribute instanceof PluralAttributeMapping
                    && attribute.getValue(instance) instanceof PersistentCollection<?> collection
                    && collection.wasInitialized()
                    && SoftDeleteCollectionPersisters.holdsSoftDeletable(
                            ((PluralAttributeMapping) attribute).getCollectionDescriptor())) {
                unread(collection, session);
            }
        });
    }

    private static List<PersistentCollection<?>> readCollections(SharedSessionContractImplementor session) {
        List<PersistentCollection<?>> read = new ArrayList<>();
        session.getPersistenceContextInternal().forEachCollectionEntry((collection, entry) -> {
            if (collection.wasInitialized() && SoftDeleteCollectionPersisters.holdsSoftDeletable(entry.getLoadedPersister())) {
                read.add(collection);
            }
        }, true);
        return read;
    }

    /**
     * Before a flush: a collection a scope left behind and changed since would lose the change
     * silently, since no flush sees it any more; refused, with what to do instead.
     */
    public static void checkScopeViewsUnchanged(SessionState state) {
        for (PersistentCollection<?> collection : state.scopeViews()) {
            if (collection.isDirty()) {
                throw new IllegalStateException("softdelete: the collection " + collection.getRole()
                        + " was read inside unfiltered() or onlyDeleted() and changed after the scope closed;"
                        + " once a scope closes, a collection it read is read again through its owner, and the"
                        + " instance kept from inside the scope is no longer saved. Change the collection while"
                        + " the scope is open, or through its owner after it closes");
            }
        }
    }

    private static boolean unread(PersistentCollection<?> collection, SharedSessionContractImplementor session) {
        PersistenceContext context = session.getPersistenceContextInternal();
        CollectionEntry entry = context.getCollectionEntry(collection);
        if (entry == null || collection.isDirty() || collection.hasQueuedOperations()) {
            return false;
        }
        CollectionPersister persister = entry.getLoadedPersister();
        Object key = entry.getLoadedKey();
        Object owner = collection.getOwner();
        PluralAttributeMapping attribute = persister.getAttributeMapping();
        // a collection inside an embeddable keeps what it holds: its owner's state has no slot for it
        if (key == null || owner == null || !(attribute.getDeclaringType() instanceof EntityMappingType)) {
            return false;
        }
        EntityEntry ownerEntry = context.getEntry(owner);
        if (ownerEntry == null || attribute.getValue(owner) != collection || !collection.unsetSession(session)) {
            return false;
        }
        // what session.evict() does to an owner's collection, then what a load does for a lazy one
        context.removeCollectionEntry(collection);
        context.removeCollectionByKey(new CollectionKey(persister, key));
        PersistentCollection<?> unread = persister.getCollectionSemantics().instantiateWrapper(key, persister, session);
        unread.setOwner(owner);
        context.addUninitializedCollection(persister, unread, key);
        attribute.setValue(owner, unread);
        Object[] loadedState = ownerEntry.getLoadedState();
        if (loadedState != null) {
            loadedState[attribute.getStateArrayPosition()] = unread;
        }
        return true;
    }
}
