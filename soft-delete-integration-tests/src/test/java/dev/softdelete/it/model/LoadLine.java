package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import java.time.Instant;

@Entity
@SoftDelete
public class LoadLine {

    @Id
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    private LoadOrder order;

    private int quantity = 1;

    private Instant deletedAt;

    protected LoadLine() {
    }

    LoadLine(Long id, LoadOrder order) {
        this.id = id;
        this.order = order;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }
}
