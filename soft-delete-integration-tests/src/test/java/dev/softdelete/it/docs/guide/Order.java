package dev.softdelete.it.docs.guide;

import dev.softdelete.SoftDelete;
import dev.softdelete.SoftDeletableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

// tag::guide-superclass[]
@Entity @Table(name = "orders")
@SoftDelete(deletedBy = "deletedBy")   // or plain @SoftDelete to leave deleted_by empty
public class Order extends SoftDeletableEntity {
    @Id @GeneratedValue Long id;         // and your own attributes
}
// end::guide-superclass[]
