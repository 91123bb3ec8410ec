package dev.softdelete.it.model;

import jakarta.persistence.Entity;

@Entity
public class JoinedCircle extends JoinedShape {

    private double radius;

    protected JoinedCircle() {
    }

    public JoinedCircle(Long id, String label, double radius) {
        super(id, label);
        this.radius = radius;
    }

    public double getRadius() {
        return radius;
    }
}
