package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** Not soft-deletable; its customer's DENY association counts every invoice. */
@Entity
public class PolicyInvoice {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private PolicyCustomer customer;

    private String number;

    protected PolicyInvoice() {
    }

    public PolicyInvoice(PolicyCustomer customer, String number) {
        this.customer = customer;
        this.number = number;
    }

    public Long getId() {
        return id;
    }
}
