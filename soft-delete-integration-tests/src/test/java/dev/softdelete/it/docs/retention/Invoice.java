package dev.softdelete.it.docs.retention;

import dev.softdelete.Anonymize;
import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import java.math.BigDecimal;
import java.time.Instant;

// tag::retention-anonymize-entity[]
@Entity
@SoftDelete(retain = "P30D")
public class Invoice {
    @Id Long id;
    @Anonymize String customerName;                   // becomes null
    @Anonymize(replacement = "erased") String email;  // becomes "erased" (String attributes only)
    BigDecimal total;                                 // kept
    Instant deletedAt;                                // kept: the row stays deleted
}
// end::retention-anonymize-entity[]
