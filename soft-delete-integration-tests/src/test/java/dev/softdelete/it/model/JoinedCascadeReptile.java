package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;

/**
 * A JOINED subclass whose table joins the root through {@code animal_id}, not {@code id}, and holds
 * the foreign key {@code terrarium_id} of its cascade parent.
 */
@Entity
@PrimaryKeyJoinColumn(name = "animal_id")
public class JoinedCascadeReptile extends JoinedCascadeAnimal {

    @ManyToOne(fetch = FetchType.LAZY)
    private JoinedCascadeTerrarium terrarium;

    protected JoinedCascadeReptile() {
    }

    public JoinedCascadeReptile(String name) {
        super(name);
    }

    void setTerrarium(JoinedCascadeTerrarium terrarium) {
        this.terrarium = terrarium;
    }
}
