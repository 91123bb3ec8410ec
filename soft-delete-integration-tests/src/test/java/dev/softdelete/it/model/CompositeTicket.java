package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import dev.softdelete.SoftDeletableEntity;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import java.io.Serializable;

/** A soft-deletable entity with a composite id: the paths that bind ids as one column cannot serve it. */
@Entity
@SoftDelete
public class CompositeTicket extends SoftDeletableEntity {

    /** The ticket's key: its project and its number there. */
    @Embeddable
    public record Key(String project, int number) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    private String title;

    protected CompositeTicket() {
    }

    public CompositeTicket(Key key, String title) {
        this.key = key;
        this.title = title;
    }

    public Key getKey() {
        return key;
    }
}
