package dev.softdelete.it.cascade;

import dev.softdelete.hibernate.DeletedParentException;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.it.model.PaddedBook;
import dev.softdelete.it.model.PaddedShelf;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Transaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.softdelete.it.support.Refusals.refusal;
import static dev.softdelete.it.support.Refusals.thrown;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The link check of a collection owner whose string id the database returns in another form (a
 * {@code CHAR} column, padded on PostgreSQL and H2): the owner found deleted is matched with the one
 * the session holds, and the link is refused as for any other id.
 */
class PaddedIdLinkTest {

    @RegisterExtension
    static final TestSessionFactory db = TestSessionFactory.of(PaddedShelf.class, PaddedBook.class);

    private static long shelfAndLooseBook(String code) {
        return db.fromTransaction(s -> {
            s.persist(new PaddedShelf(code));
            PaddedBook book = new PaddedBook();
            s.persist(book);
            return book.getId();
        });
    }

    @Test
    void bookAddedToAShelfDeletedMeanwhileIsRefused() {
        long book = shelfAndLooseBook("ab");
        try (SoftDeleteSession session = SoftDeleteSession.wrap(db.sessionFactory().openSession())) {
            Transaction tx = session.beginTransaction();
            PaddedShelf stale = session.find(PaddedShelf.class, "ab");
            stale.getBooks().size();
            db.inTransaction(s -> s.remove(s.find(PaddedShelf.class, "ab")));
            stale.getBooks().add(session.find(PaddedBook.class, book));

            DeletedParentException refused = refusal(thrown(tx::commit));
            assertThat(refused.parent()).isEqualTo(PaddedShelf.class.getName() + "#ab");
            assertThat(refused.child()).isEqualTo(PaddedBook.class.getName() + "#" + book);
        }
        assertThat(db.row("padded_book", book).get("shelf_code")).isNull();
    }

    @Test
    void bookAddedToALiveShelfIsLinked() {
        long book = shelfAndLooseBook("cd");
        db.inTransaction(s -> s.find(PaddedShelf.class, "cd").getBooks().add(s.find(PaddedBook.class, book)));
        assertThat(String.valueOf(db.row("padded_book", book).get("shelf_code")).trim()).isEqualTo("cd");
    }
}
