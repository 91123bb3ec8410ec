package dev.softdelete.it.model;

import jakarta.persistence.Entity;

/** A subclass in the single-table hierarchy of {@link MatrixItem}, for polymorphic queries. */
@Entity
public class MatrixSpecialItem extends MatrixItem {

    protected MatrixSpecialItem() {
    }

    public MatrixSpecialItem(MatrixOwner owner, String code) {
        super(owner, code);
    }
}
