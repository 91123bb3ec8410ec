package dev.softdelete.it.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.OneToMany;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A plain (not soft-deletable) owner of collections of soft-deletable elements: a bag, a set, a
 * unidirectional one-to-many whose foreign key sits in the element's table, an element collection
 * whose values point to products, and one keyed by products.
 */
@Entity
public class LinkShop {

    @Id
    @GeneratedValue
    private Long id;

    private String name;

    @ManyToMany
    @JoinTable(name = "link_shop_featured")
    private List<LinkProduct> featured = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "link_shop_stocked")
    private Set<LinkProduct> stocked = new LinkedHashSet<>();

    @OneToMany
    @JoinColumn(name = "shop_id")
    private Set<LinkVoucher> vouchers = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "link_shop_review")
    private List<LinkReview> reviews = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "link_shop_rating")
    @MapKeyJoinColumn(name = "product_id")
    private Map<LinkProduct, Integer> ratings = new HashMap<>();

    protected LinkShop() {
    }

    public LinkShop(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<LinkProduct> getFeatured() {
        return featured;
    }

    public void setFeatured(List<LinkProduct> featured) {
        this.featured = featured;
    }

    public Set<LinkProduct> getStocked() {
        return stocked;
    }

    public void setStocked(Set<LinkProduct> stocked) {
        this.stocked = stocked;
    }

    public Set<LinkVoucher> getVouchers() {
        return vouchers;
    }

    public void setVouchers(Set<LinkVoucher> vouchers) {
        this.vouchers = vouchers;
    }

    public List<LinkReview> getReviews() {
        return reviews;
    }

    public void setReviews(List<LinkReview> reviews) {
        this.reviews = reviews;
    }

    public Map<LinkProduct, Integer> getRatings() {
        return ratings;
    }
}
