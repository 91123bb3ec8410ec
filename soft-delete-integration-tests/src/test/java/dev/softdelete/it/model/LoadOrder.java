package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@SoftDelete
public class LoadOrder {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private LoadCustomer customer;

    private String item;

    private Instant deletedAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    private List<LoadLine> lines = new ArrayList<>();

    protected LoadOrder() {
    }

    LoadOrder(Long id, LoadCustomer customer) {
        this.id = id;
        this.customer = customer;
        this.item = "order " + id;
    }

    public LoadLine line(Long lineId) {
        LoadLine line = new LoadLine(lineId, this);
        lines.add(line);
        return line;
    }

    public LoadCustomer getCustomer() {
        return customer;
    }

    public void setItem(String item) {
        this.item = item;
    }
}
