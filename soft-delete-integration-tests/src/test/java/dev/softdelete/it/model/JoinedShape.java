package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;

/** Root of a JOINED hierarchy that is soft-deletable only through {@link JoinedTrackedBase}. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class JoinedShape extends JoinedTrackedBase {

    @Id
    private Long id;

    private String label;

    protected JoinedShape() {
    }

    public JoinedShape(Long id, String label) {
        this.id = id;
        this.label = label;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }
}
