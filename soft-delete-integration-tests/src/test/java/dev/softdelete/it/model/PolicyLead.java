package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Not soft-deletable, detached from its customer when the customer is deleted (@OnSoftDelete(DETACH)). */
@Entity
public class PolicyLead {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private PolicyCustomer customer;

    private String name;

    protected PolicyLead() {
    }

    public PolicyLead(PolicyCustomer customer, String name) {
        this.customer = customer;
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public PolicyCustomer getCustomer() {
        return customer;
    }

    public void setCustomer(PolicyCustomer customer) {
        this.customer = customer;
    }

    public void setName(String name) {
        this.name = name;
    }
}
