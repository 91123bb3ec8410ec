package dev.softdelete.it.model;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("truck")
public class SingleTruck extends SingleVehicle {

    private int payload;

    protected SingleTruck() {
    }

    public SingleTruck(Long id, String name, int payload) {
        super(id, name);
        this.payload = payload;
    }

    public int getPayload() {
        return payload;
    }
}
