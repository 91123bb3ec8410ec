package dev.softdelete.it.model;

import dev.softdelete.DeletePolicy;
import dev.softdelete.OnSoftDelete;
import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One association per policy: DENY to soft-deletable orders and to plain invoices, CASCADE without REMOVE, KEEP, DETACH. */
@Entity
@SoftDelete(deletedBy = "deletedBy")
public class PolicyCustomer {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private Instant deletedAt;

    private String deletedBy;

    @ManyToOne(fetch = FetchType.LAZY)
    PolicyRegion region;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.PERSIST)
    @OnSoftDelete(DeletePolicy.DENY)
    private List<PolicyOrder> orders = new ArrayList<>();

    @OneToMany(mappedBy = "customer")
    @OnSoftDelete(DeletePolicy.DENY)
    private List<PolicyInvoice> invoices = new ArrayList<>();

    @OneToMany(mappedBy = "customer", cascade = CascadeType.PERSIST)
    @OnSoftDelete(DeletePolicy.CASCADE)
    private List<PolicyAddress> addresses = new ArrayList<>();

    @OneToMany(mappedBy = "customer", cascade = CascadeType.PERSIST)
    @OnSoftDelete(DeletePolicy.KEEP)
    private List<PolicyNote> notes = new ArrayList<>();

    @OneToMany(mappedBy = "customer", cascade = CascadeType.PERSIST)
    @OnSoftDelete(DeletePolicy.DETACH)
    private List<PolicyLead> leads = new ArrayList<>();

    protected PolicyCustomer() {
    }

    public PolicyCustomer(String name) {
        this.name = name;
    }

    public PolicyOrder order(String number) {
        PolicyOrder order = new PolicyOrder(this, number);
        orders.add(order);
        return order;
    }

    public PolicyAddress address(String street) {
        PolicyAddress address = new PolicyAddress(this, street);
        addresses.add(address);
        return address;
    }

    public PolicyNote note(String text) {
        PolicyNote note = new PolicyNote(this, text);
        notes.add(note);
        return note;
    }

    public PolicyLead lead(String name) {
        PolicyLead lead = new PolicyLead(this, name);
        leads.add(lead);
        return lead;
    }

    public Long getId() {
        return id;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public List<PolicyOrder> getOrders() {
        return orders;
    }
}
