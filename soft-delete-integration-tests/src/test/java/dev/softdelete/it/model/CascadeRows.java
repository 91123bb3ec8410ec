package dev.softdelete.it.model;

import jakarta.persistence.EntityManager;

/** Rows of the cascade models that several tests start from, persisted in the caller's transaction. */
public final class CascadeRows {

    private CascadeRows() {
    }

    /** Holder A, holder B, a row held by both, and its part: their ids, in that order. */
    public static long[] heldByBoth(EntityManager em) {
        CascadeHolderA a = new CascadeHolderA();
        CascadeHolderB b = new CascadeHolderB();
        em.persist(a);
        em.persist(b);
        CascadeHeld held = new CascadeHeld(a, b);
        CascadeHeldPart part = held.part();
        em.persist(held);
        return new long[] {a.getId(), b.getId(), held.getId(), part.getId()};
    }

    /**
     * A root whose two children a and b are each other's twin, with d below a and e below d: the ids of
     * root, a, b, d and e, in that order.
     */
    public static long[] twinsUnderRoot(EntityManager em) {
        CascadeTwinNode root = new CascadeTwinNode();
        CascadeTwinNode a = root.child();
        CascadeTwinNode b = root.child();
        a.setTwin(b);
        b.setTwin(a);
        CascadeTwinNode d = a.child();
        CascadeTwinNode e = d.child();
        em.persist(root);
        return new long[] {root.getId(), a.getId(), b.getId(), d.getId(), e.getId()};
    }
}
