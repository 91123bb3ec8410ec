package dev.softdelete.it.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("car")
public class SingleCar extends SingleVehicle {

    private int seats;

    protected SingleCar() {
    }

    public SingleCar(Long id, String name, int seats) {
        super(id, name);
        this.seats = seats;
    }

    public int getSeats() {
        return seats;
    }
}
