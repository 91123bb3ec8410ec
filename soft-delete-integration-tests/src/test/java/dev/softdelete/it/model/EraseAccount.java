package dev.softdelete.it.model;

import dev.softdelete.SoftDelete;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Root of an erase: bookings and entries below it, a profile it references, tags, e-mail addresses. */
@Entity
@Table(name = "erase_account")
@SoftDelete
public class EraseAccount {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    private Instant deletedAt;

    @OneToMany(mappedBy = "account", cascade = CascadeType.ALL)
    private List<EraseBooking> bookings = new ArrayList<>();

    /** The key is in this table: the profile can only go after the account. */
    @OneToOne(cascade = CascadeType.ALL)
    private EraseProfile profile;

    @ManyToMany
    @JoinTable(name = "erase_account_tag")
    private Set<EraseTag> tags = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "erase_account_email")
    private Set<String> emails = new HashSet<>();

    protected EraseAccount() {
    }

    public EraseAccount(String name) {
        this.name = name;
    }

    public EraseBooking booking(String label) {
        EraseBooking booking = new EraseBooking(this, label);
        bookings.add(booking);
        return booking;
    }

    public Long getId() {
        return id;
    }

    public List<EraseBooking> getBookings() {
        return bookings;
    }

    public void setProfile(EraseProfile profile) {
        this.profile = profile;
    }

    public Set<EraseTag> getTags() {
        return tags;
    }

    public Set<String> getEmails() {
        return emails;
    }
}
