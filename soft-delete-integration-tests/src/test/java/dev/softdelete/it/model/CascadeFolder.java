package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A unidirectional one-to-many with a join column: the foreign key is in the child's table. */
@Entity
@SoftDelete
public class CascadeFolder {

    @Id
    @GeneratedValue
    private Long id;

    private Instant deletedAt;

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "folder_id")
    private List<CascadeFile> files = new ArrayList<>();

    public Long getId() {
        return id;
    }

    public List<CascadeFile> getFiles() {
        return files;
    }
}
