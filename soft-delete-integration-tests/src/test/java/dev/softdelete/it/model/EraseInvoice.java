package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An ordinary entity referencing a booking without any cascade: it blocks the booking's erase. */
@Entity
@Table(name = "erase_invoice")
public class EraseInvoice {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne
    private EraseBooking booking;

    protected EraseInvoice() {
    }

    public EraseInvoice(EraseBooking booking) {
        this.booking = booking;
    }

    public Long getId() {
        return id;
    }
}
