package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** No {@code @Version}: nothing but the marker tells a stale copy from the row. */
@Entity
@SoftDelete(deletedBy = "deletedBy", reason = "deleteReason")
public class StaleCustomer {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private Instant deletedAt;

    private String deletedBy;

    private String deleteReason;

    @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL)
    private List<StaleLine> lines = new ArrayList<>();

    protected StaleCustomer() {
    }

    public StaleCustomer(String name) {
        this.name = name;
    }

    public StaleLine line(int quantity) {
        StaleLine line = new StaleLine(this, quantity);
        lines.add(line);
        return line;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    /** What an application might try instead of restore(): refused at flush. */
    public void setDeletedAt(Instant deletedAt) {
        this.deletedAt = deletedAt;
    }

    public String getDeletedBy() {
        return deletedBy;
    }

    public void setDeletedBy(String deletedBy) {
        this.deletedBy = deletedBy;
    }

    public List<StaleLine> getLines() {
        return lines;
    }
}
