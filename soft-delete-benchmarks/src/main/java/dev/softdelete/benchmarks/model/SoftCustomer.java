package dev.softdelete.benchmarks.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The soft-deletable customer; {@link PlainCustomer} has the same columns without the annotation. */
@Entity
@SoftDelete
@Table(indexes = @Index(name = "soft_customer_email", columnList = "email"))
public class SoftCustomer {

    @Id
    private Long id;

    private String email;

    private String name;

    private Instant deletedAt;

    @OneToMany(mappedBy = "customer", fetch = FetchType.LAZY)
    private List<SoftOrder> orders = new ArrayList<>();

    protected SoftCustomer() {
    }

    public SoftCustomer(long id, String email, String name) {
        this.id = id;
        this.email = email;
        this.name = name;
    }

    public SoftOrder order(long id, String item, long amountCents) {
        SoftOrder order = new SoftOrder(id, this, item, amountCents);
        orders.add(order);
        return order;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }


    public List<SoftOrder> getOrders() {
        return orders;
    }
}
