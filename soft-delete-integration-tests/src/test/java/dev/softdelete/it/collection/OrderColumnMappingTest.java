package dev.softdelete.it.collection;

import dev.softdelete.SoftDelete;
import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MappingException;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A list kept in order by a position column cannot hold soft-deletable entities: a deleted element
 * would read as null and lose its position when the list is written. The bootstrap refuses it.
 */
class OrderColumnMappingTest {

    private static SessionFactory boot(Class<?>... entities) {
        // no schema: the mapping must be refused before any DDL
        return TestSessionFactory.build(TestDatabase.current().dataSource(),
                Map.of(AvailableSettings.HBM2DDL_AUTO, "none"), List.of(entities));
    }

    @Test
    void orderedListsOfSoftDeletableEntitiesAreRefusedTogether() {
        assertThatThrownBy(() -> boot(OrderedPlaylist.class, OrderedTrack.class).close())
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("softdelete found 2 mapping problems:")
                .hasMessageContaining("\n - " + OrderedPlaylist.class.getName() + "#tracks: a list with a position"
                        + " column (@OrderColumn, or an array) cannot hold soft-deletable entities")
                .hasMessageContaining("\n - " + OrderedPlaylist.class.getName() + "#favorites: a list with a position")
                .hasMessageContaining("remove @OrderColumn (sort with @OrderBy) or map the attribute as a Set or a"
                        + " List without a position");
    }

    @Test
    void orderedListsOfValuesAndOfPlainEntitiesAreAccepted() {
        try (SessionFactory factory = boot(OrderedAlbum.class, OrderedLabel.class)) {
            assertThat(factory.getMetamodel().entity(OrderedAlbum.class)).isNotNull();
        }
    }

    @Entity(name = "OrderedTrack")
    @Table(name = "ordered_track")
    @SoftDelete
    static class OrderedTrack {
        @Id
        Long id;
        Instant deletedAt;
        @ManyToOne
        OrderedPlaylist playlist;
    }

    @Entity(name = "OrderedPlaylist")
    @Table(name = "ordered_playlist")
    static class OrderedPlaylist {
        @Id
        Long id;
        @OneToMany(mappedBy = "playlist")
        @OrderColumn
        List<OrderedTrack> tracks;
        @ManyToMany
        @JoinTable(name = "ordered_playlist_favorite")
        @OrderColumn
        List<OrderedTrack> favorites;
    }

    @Entity(name = "OrderedAlbum")
    @Table(name = "ordered_album")
    static class OrderedAlbum {
        @Id
        Long id;
        @ElementCollection
        @CollectionTable(name = "ordered_album_title")
        @OrderColumn
        List<String> titles;
        @ManyToMany
        @JoinTable(name = "ordered_album_related")
        @OrderColumn
        List<OrderedAlbum> related;
        @ManyToMany
        @JoinTable(name = "ordered_album_label")
        List<OrderedLabel> labels;
    }

    @Entity(name = "OrderedLabel")
    @Table(name = "ordered_label")
    @SoftDelete
    static class OrderedLabel {
        @Id
        Long id;
        Instant deletedAt;
    }
}
