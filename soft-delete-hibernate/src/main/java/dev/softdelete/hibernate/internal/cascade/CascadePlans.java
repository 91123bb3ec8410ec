package dev.softdelete.hibernate.internal.cascade;

import dev.softdelete.hibernate.internal.SoftDeleteService;
import org.hibernate.persister.entity.EntityPersister;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The cascade plans of one SessionFactory, resolved from the mapping model on first use. */
public final class CascadePlans {

    private final Map<String, CascadePlan> plans = new ConcurrentHashMap<>();

    public CascadePlan of(EntityPersister persister, SoftDeleteService service) {
        return plans.computeIfAbsent(persister.getEntityName(), name -> CascadePlan.of(persister, service));
    }
}
