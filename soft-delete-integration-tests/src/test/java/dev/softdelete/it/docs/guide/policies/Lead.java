package dev.softdelete.it.docs.guide.policies;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The lead of the guide's delete-policy samples (not soft-deletable). */
@Entity
@Table(name = "policy_lead")
public class Lead {

    @Id
    @GeneratedValue
    Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    Customer accountManager;

    protected Lead() {
    }

    Lead(Customer accountManager) {
        this.accountManager = accountManager;
    }
}
