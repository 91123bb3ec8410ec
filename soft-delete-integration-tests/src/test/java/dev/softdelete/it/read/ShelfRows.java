package dev.softdelete.it.read;

import dev.softdelete.it.model.ReadBook;
import dev.softdelete.it.model.ReadShelf;
import dev.softdelete.it.model.Tag;
import dev.softdelete.it.support.TestSessionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live shelf ("open") and a deleted one ("closed"), each with a live and a deleted book and
 * linked to a live tag ("red") and a deleted one ("blue"). The trash is read from the deleted
 * shelf, since {@code find} of a live shelf returns null there.
 */
public record ShelfRows(Long openId, Long closedId) {

    public static final String RED = "red";
    public static final String BLUE = "blue";

    public static ShelfRows persist(TestSessionFactory db) {
        Long[] ids = db.fromTransaction(s -> {
            Tag red = new Tag(RED);
            Tag blue = new Tag(BLUE);
            s.persist(red);
            s.persist(blue);
            ReadShelf open = shelf("open", red, blue);
            ReadShelf closed = shelf("closed", red, blue);
            s.persist(open);
            s.persist(closed);
            s.flush();
            return new Long[] {open.getId(), closed.getId(), blue.getId()};
        });
        // the shelf is deleted before it has books: removing an owner whose live children are loaded
        // in the session fails at flush (reported), and its EAGER books would always be loaded
        db.inTransaction(s -> s.remove(s.find(ReadShelf.class, ids[1])));
        db.inTransaction(s -> s.remove(s.find(Tag.class, ids[2])));
        Long[] deletedBooks = db.fromTransaction(s -> {
            ReadShelf open = s.getReference(ReadShelf.class, ids[0]);
            ReadShelf closed = s.getReference(ReadShelf.class, ids[1]);
            ReadBook openDeleted = new ReadBook(open, "open-deleted");
            ReadBook closedDeleted = new ReadBook(closed, "closed-deleted");
            s.persist(new ReadBook(open, "open-live"));
            s.persist(openDeleted);
            s.persist(new ReadBook(closed, "closed-live"));
            s.persist(closedDeleted);
            s.flush();
            return new Long[] {openDeleted.getId(), closedDeleted.getId()};
        });
        db.inTransaction(s -> {
            s.remove(s.find(ReadBook.class, deletedBooks[0]));
            s.remove(s.find(ReadBook.class, deletedBooks[1]));
        });
        assertThat(db.rows("select id from read_book where deleted_at is not null")).hasSize(2);
        assertThat(db.rows("select id from read_book where shelf_id is null")).isEmpty();
        assertThat(db.row("tag", ids[2]).get("deleted_at")).isNotNull();
        assertThat(db.row("read_shelf", ids[1]).get("deleted_at")).isNotNull();
        assertThat(db.countRows("read_shelf_tag")).isEqualTo(4);
        return new ShelfRows(ids[0], ids[1]);
    }

    private static ReadShelf shelf(String label, Tag red, Tag blue) {
        ReadShelf shelf = new ReadShelf(label);
        shelf.getTags().add(red);
        shelf.getTags().add(blue);
        return shelf;
    }
}
