package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Cascades REMOVE to its customers, whose orders deny their delete: a cascade that meets a DENY parent. */
@Entity
@SoftDelete
public class PolicyRegion {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private Instant deletedAt;

    @OneToMany(mappedBy = "region", cascade = CascadeType.ALL)
    private List<PolicyCustomer> customers = new ArrayList<>();

    protected PolicyRegion() {
    }

    public PolicyRegion(String name) {
        this.name = name;
    }

    public PolicyCustomer customer(String customerName) {
        PolicyCustomer customer = new PolicyCustomer(customerName);
        customer.region = this;
        customers.add(customer);
        return customer;
    }

    public Long getId() {
        return id;
    }
}
