package dev.softdelete.benchmarks.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The baseline: {@link SoftCustomer}'s columns, {@code deletedAt} included, but not soft-deletable. */
@Entity
@Table(indexes = @Index(name = "plain_customer_email", columnList = "email"))
public class PlainCustomer {

    @Id
    private Long id;

    private String email;

    private String name;

    private Instant deletedAt;

    @OneToMany(mappedBy = "customer", fetch = FetchType.LAZY)
    private List<PlainOrder> orders = new ArrayList<>();

    protected PlainCustomer() {
    }

    public PlainCustomer(long id, String email, String name) {
        this.id = id;
        this.email = email;
        this.name = name;
    }

    public PlainOrder order(long id, String item, long amountCents) {
        PlainOrder order = new PlainOrder(id, this, item, amountCents);
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

    public void setDeletedAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
    }

    public List<PlainOrder> getOrders() {
        return orders;
    }
}
