package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Root of the load test's graph: unversioned, with orders (cascade) and a bag of tags (join table). */
@Entity
@SoftDelete(deletedBy = "deletedBy", reason = "deleteReason")
public class LoadCustomer {

    @Id
    private Long id;

    private String name;

    private Instant deletedAt;

    private String deletedBy;

    private String deleteReason;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL)
    private List<LoadOrder> orders = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "load_customer_tag")
    private List<LoadTag> tags = new ArrayList<>();

    protected LoadCustomer() {
    }

    public LoadCustomer(Long id, String name) {
        this.id = id;
        this.name = name;
    }

    public LoadOrder order(Long orderId) {
        LoadOrder order = new LoadOrder(orderId, this);
        orders.add(order);
        return order;
    }

    public Long getId() {
        return id;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<LoadTag> getTags() {
        return tags;
    }
}
