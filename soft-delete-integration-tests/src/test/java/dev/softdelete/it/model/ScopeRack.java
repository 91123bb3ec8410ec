package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import java.util.ArrayList;
import java.util.List;

/**
 * An entity that is not soft-deletable, whose EAGER collection holds soft-deletable ones: its own
 * loaders join rows whose visibility depends on the scope they run in.
 */
@Entity
public class ScopeRack {

    @Id
    @GeneratedValue
    private Long id;

    private String label;

    @OneToMany(mappedBy = "rack", fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<ScopeItem> items = new ArrayList<>();

    protected ScopeRack() {
    }

    public ScopeRack(String label) {
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public List<ScopeItem> getItems() {
        return items;
    }
}
