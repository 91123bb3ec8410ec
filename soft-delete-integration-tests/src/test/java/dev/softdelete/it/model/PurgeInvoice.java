package dev.softdelete.it.model;

import dev.softdelete.Anonymize;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;

/** A row that must be kept for accounting: the purge anonymises its personal data instead. */
@Entity
@SoftDelete(retain = "P30D")
public class PurgeInvoice {

    @Id
    private Long id;

    @Anonymize
    private String customerName;

    @Anonymize(replacement = "erased")
    private String email;

    /** Stored through a converter, as encrypted personal data would be. */
    @Anonymize(replacement = "erased")
    @Convert(converter = ReversedText.class)
    private String phone;

    private BigDecimal total;

    private Instant deletedAt;

    protected PurgeInvoice() {
    }

    public PurgeInvoice(Long id, String customerName, String email, BigDecimal total) {
        this.id = id;
        this.customerName = customerName;
        this.email = email;
        this.phone = "+41 " + id;
        this.total = total;
    }

    public Long getId() {
        return id;
    }
}
