package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import org.hibernate.annotations.NaturalId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Entity
@SoftDelete(deletedBy = "deletedBy", reason = "deleteReason")
public class Customer implements SoftDeletable {

    @Id
    @GeneratedValue
    private Long id;

    @NaturalId(mutable = true)
    private String email;

    private String name;

    @Version
    private long version;

    private Instant deletedAt;

    private String deletedBy;

    private String deleteReason;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<PurchaseOrder> orders = new ArrayList<>();

    @ManyToMany(cascade = CascadeType.PERSIST)
    @JoinTable(name = "customer_tag")
    private Set<Tag> tags = new LinkedHashSet<>();

    protected Customer() {
    }

    public Customer(String email, String name) {
        this.email = email;
        this.name = name;
    }

    public PurchaseOrder order(String item) {
        PurchaseOrder order = new PurchaseOrder(this, item);
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

    public long getVersion() {
        return version;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }

    public String getDeletedBy() {
        return deletedBy;
    }

    public String getDeleteReason() {
        return deleteReason;
    }

    public List<PurchaseOrder> getOrders() {
        return orders;
    }

    public Set<Tag> getTags() {
        return tags;
    }
}
