package dev.softdelete.it.docs.guide.policies;

import dev.softdelete.DeletePolicy;
import dev.softdelete.OnSoftDelete;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.List;

// tag::guide-policies[]
@Entity
@SoftDelete
public class Customer {
    @Id @GeneratedValue Long id;
    String region;
    Instant deletedAt;

    @OneToMany(mappedBy = "customer")
    @OnSoftDelete(DeletePolicy.DENY)       // no delete while live orders exist
    List<Order> orders;

    @OneToMany(mappedBy = "customer")
    @OnSoftDelete(DeletePolicy.CASCADE)    // soft-deleted and restored with the customer
    List<Address> addresses;

    @OneToMany(mappedBy = "customer")
    @OnSoftDelete(DeletePolicy.KEEP)       // stay live and linked
    List<Note> notes;

    @OneToMany(mappedBy = "accountManager")
    @OnSoftDelete(DeletePolicy.DETACH)     // stay live, unlinked; a restore links them again
    List<Lead> leads;
}
// end::guide-policies[]
