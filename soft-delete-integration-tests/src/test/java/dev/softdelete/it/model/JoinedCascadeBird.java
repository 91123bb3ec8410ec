package dev.softdelete.it.model;

import jakarta.persistence.Entity;

/** A JOINED subclass with a column of its own and no association. */
@Entity
public class JoinedCascadeBird extends JoinedCascadeAnimal {

    private double wingspan;

    protected JoinedCascadeBird() {
    }

    public JoinedCascadeBird(String name, double wingspan) {
        super(name);
        this.wingspan = wingspan;
    }

    public double getWingspan() {
        return wingspan;
    }
}
