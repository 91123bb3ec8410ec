package dev.softdelete.it.model;

import dev.softdelete.SoftDeletable;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import java.time.Instant;

/** A soft-deletable element of {@link LinkShop#getVouchers()}, whose table holds the shop's foreign key. */
@Entity
@SoftDelete
public class LinkVoucher implements SoftDeletable {

    @Id
    @GeneratedValue
    private Long id;

    private String code;

    private Instant deletedAt;

    protected LinkVoucher() {
    }

    public LinkVoucher(String code) {
        this.code = code;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    @Override
    public Instant getDeletedAt() {
        return deletedAt;
    }
}
