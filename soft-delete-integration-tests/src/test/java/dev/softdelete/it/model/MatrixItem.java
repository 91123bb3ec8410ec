package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.DiscriminatorOptions;
import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.NaturalIdCache;

import java.time.Instant;

/** The rows the leak matrix reads: two live, two deleted, one of each a {@link MatrixSpecialItem}. */
@Entity
@SoftDelete
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@NaturalIdCache
// no "dtype in (...)" check constraint: see SingleVehicle
@DiscriminatorOptions(force = true)
public class MatrixItem {

    @Id
    @GeneratedValue
    private Long id;

    @NaturalId
    private String code;

    @ManyToOne(fetch = FetchType.LAZY)
    private MatrixOwner owner;

    private Instant deletedAt;

    protected MatrixItem() {
    }

    public MatrixItem(MatrixOwner owner, String code) {
        this.owner = owner;
        this.code = code;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public MatrixOwner getOwner() {
        return owner;
    }
}
