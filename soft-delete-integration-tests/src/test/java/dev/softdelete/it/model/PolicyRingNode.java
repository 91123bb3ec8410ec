package dev.softdelete.it.model;

import dev.softdelete.DeletePolicy;
import dev.softdelete.OnSoftDelete;
import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A node whose REMOVE cascades to the next one, so that live rows can form a ring, and whose holds
 * refuse its delete ({@code DENY}).
 */
@Entity
@SoftDelete
public class PolicyRingNode {

    @Id
    @GeneratedValue
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, cascade = CascadeType.REMOVE)
    private PolicyRingNode next;

    @OneToMany(mappedBy = "node")
    @OnSoftDelete(DeletePolicy.DENY)
    private List<PolicyRingHold> holds = new ArrayList<>();

    private Instant deletedAt;

    public void setNext(PolicyRingNode next) {
        this.next = next;
    }

    public Long getId() {
        return id;
    }
}
