package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A soft-deletable owner of a bag, a set and a map of soft-deletable products: editing any of them
 * must keep the links to deleted products.
 */
@Entity
@SoftDelete
public class LinkCustomer implements SoftDeletable {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private Instant deletedAt;

    @ManyToMany
    @JoinTable(name = "link_customer_fav")
    private List<LinkProduct> favorites = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "link_customer_pick")
    private Set<LinkProduct> picks = new LinkedHashSet<>();

    @ManyToMany
    @JoinTable(name = "link_customer_slot")
    @MapKeyColumn(name = "slot")
    private Map<String, LinkProduct> slots = new HashMap<>();

    protected LinkCustomer() {
    }

    public LinkCustomer(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }

    public List<LinkProduct> getFavorites() {
        return favorites;
    }

    public void setFavorites(List<LinkProduct> favorites) {
        this.favorites = favorites;
    }

    public Set<LinkProduct> getPicks() {
        return picks;
    }

    public void setPicks(Set<LinkProduct> picks) {
        this.picks = picks;
    }

    public Map<String, LinkProduct> getSlots() {
        return slots;
    }

    public void setSlots(Map<String, LinkProduct> slots) {
        this.slots = slots;
    }
}
