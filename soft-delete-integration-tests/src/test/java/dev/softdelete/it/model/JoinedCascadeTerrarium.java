package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parent whose REMOVE cascade reaches a JOINED subclass whose table names its primary key
 * differently from the root's ({@code animal_id} against {@code id}).
 */
@Entity
@SoftDelete
public class JoinedCascadeTerrarium {

    @Id
    @GeneratedValue
    private Long id;

    private Instant deletedAt;

    @OneToMany(mappedBy = "terrarium", cascade = CascadeType.ALL)
    private List<JoinedCascadeReptile> reptiles = new ArrayList<>();

    public JoinedCascadeReptile add(JoinedCascadeReptile reptile) {
        reptile.setTerrarium(this);
        reptiles.add(reptile);
        return reptile;
    }

    public Long getId() {
        return id;
    }

    public List<JoinedCascadeReptile> getReptiles() {
        return reptiles;
    }
}
