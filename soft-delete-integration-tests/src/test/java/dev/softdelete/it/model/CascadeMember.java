package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import java.time.Instant;

@Entity
@SoftDelete
public class CascadeMember {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private Instant deletedAt;

    protected CascadeMember() {
    }

    public CascadeMember(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }
}
