package dev.softdelete.it.read;

import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.ReadBook;
import dev.softdelete.it.model.ReadShelf;
import dev.softdelete.it.support.TestSessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** ReadShelf.books is EAGER: fetched with the shelf, in the scope the shelf is read in. */
class EagerOneToManyTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(CustomerRows.MODEL);

    private static List<String> read(Function<SoftDeleteSession, List<String>> work) {
        return db.fromTransaction(work);
    }

    private static List<String> titles(ReadShelf shelf) {
        return shelf.getBooks().stream().map(ReadBook::getTitle).toList();
    }

    @Test
    void eagerCollectionHidesDeletedElementOnFind() {
        ShelfRows rows = ShelfRows.persist(db);

        assertThat(read(s -> titles(s.find(ReadShelf.class, rows.openId())))).containsExactly("open-live");
    }

    @Test
    void eagerCollectionHidesDeletedElementOnQuery() {
        ShelfRows.persist(db);

        assertThat(read(s -> titles(s.createQuery("from ReadShelf", ReadShelf.class).getSingleResult())))
                .containsExactly("open-live");
    }

    @Test
    void eagerCollectionUnfilteredShowsDeletedElement() {
        ShelfRows rows = ShelfRows.persist(db);

        assertThat(read(s -> s.unfiltered(() -> titles(s.find(ReadShelf.class, rows.openId())))))
                .containsExactly("open-live", "open-deleted");
    }

    @Test
    void eagerCollectionOnlyDeletedShowsOnlyDeletedElement() {
        ShelfRows rows = ShelfRows.persist(db);

        assertThat(read(s -> s.onlyDeleted(() -> titles(s.find(ReadShelf.class, rows.closedId())))))
                .containsExactly("closed-deleted");
    }
}
