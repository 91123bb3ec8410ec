package dev.softdelete.it.model;

import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;

/** Its key column has its own name, so the guard must join the tables by their own keys. */
@Entity
@PrimaryKeyJoinColumn(name = "asset_id")
public class StaleVan extends StaleAsset {

    private int mileage;

    protected StaleVan() {
    }

    public StaleVan(Long id, String label, int mileage) {
        super(id, label);
        this.mileage = mileage;
    }

    public int getMileage() {
        return mileage;
    }

    public void setMileage(int mileage) {
        this.mileage = mileage;
    }
}
