package dev.softdelete.it.model;

import jakarta.persistence.Entity;

@Entity
public class TpcInvoice extends TpcDocument {

    private long amountCents;

    protected TpcInvoice() {
    }

    public TpcInvoice(Long id, String title, long amountCents) {
        super(id, title);
        this.amountCents = amountCents;
    }

    public long getAmountCents() {
        return amountCents;
    }
}
