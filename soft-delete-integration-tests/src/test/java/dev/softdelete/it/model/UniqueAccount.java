package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import dev.softdelete.SoftDeletableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A composite {@code @Table(uniqueConstraints)} key with a declared name. */
@Entity
@SoftDelete
@Table(uniqueConstraints = @UniqueConstraint(name = "uk_account_tenant_login", columnNames = {"tenant", "login"}))
public class UniqueAccount extends SoftDeletableEntity {

    @Id
    @GeneratedValue
    private Long id;

    private String tenant;

    private String login;

    protected UniqueAccount() {
    }

    public UniqueAccount(String tenant, String login) {
        this.tenant = tenant;
        this.login = login;
    }

    public Long getId() {
        return id;
    }
}
