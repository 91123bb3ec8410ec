package dev.softdelete.it.model;

import jakarta.persistence.Embeddable;
import jakarta.persistence.ManyToOne;

/** An element-collection value that points to a soft-deletable product, fetched with it (EAGER). */
@Embeddable
public class LinkReview {

    private String text;

    @ManyToOne
    private LinkProduct product;

    protected LinkReview() {
    }

    public LinkReview(String text, LinkProduct product) {
        this.text = text;
        this.product = product;
    }

    public String getText() {
        return text;
    }

    public LinkProduct getProduct() {
        return product;
    }
}
