package dev.softdelete.hibernate.internal.boot;

import dev.softdelete.hibernate.internal.boot.DeletePolicyReader.Declared;
import dev.softdelete.hibernate.internal.model.SoftDeleteModel;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.SimpleValue;
import org.hibernate.mapping.Table;

import java.util.List;

/**
 * Adds, beside the foreign key of each {@code @OnSoftDelete(DETACH)} association, the column that keeps
 * the key a delete nulled ({@code <key column>_detached}): a restore of the owner puts it back, on the
 * rows still unlinked then. No attribute maps it; it has the key's own type (a copy of the key column,
 * nullable, without its constraints), and no foreign key, since it holds the id of a row that may be purged.
 */
final class DetachColumnBinder {

    static final String SUFFIX = "_detached";

    private final Database database;
    private final DeletePolicyReader reader;
    private final List<String> problems;

    DetachColumnBinder(Database database, DeletePolicyReader reader, List<String> problems) {
        this.database = database;
        this.reader = reader;
        this.problems = problems;
    }

    void bind(Declared declared, SoftDeleteModel.Builder model) {
        Property inverse = reader.inverseProperty(declared.property());
        Column key = reader.detachedKey(declared.property());
        Table table = ((SimpleValue) inverse.getValue()).getTable();
        String name = key.getName() + SUFFIX;
        if (table.getColumn(database.toIdentifier(name)) != null) {
            // a second DETACH association over the same key (a subclass's copy) shares the column
            if (!model.hasDetachColumn(table.getName(), saved(key, name))) {
                problems.add(declared.owner().getEntityName() + "#" + declared.property().getName() + ": @OnSoftDelete(DETACH)"
                        + " keeps the nulled key in a column " + name + " of " + table.getName()
                        + ", which already exists; rename that column (@Column(name = ...))");
                return;
            }
        }
        else {
            Column saved = key.clone();
            saved.setName(key.isQuoted() ? "`" + name + "`" : name);
            saved.setNullable(true);
            saved.setUnique(false);
            saved.setUniqueKeyName(null);
            saved.setComment("softdelete: " + key.getName() + " as it was before a delete of the referenced row"
                    + " detached this row");
            table.addColumn(saved);
        }
        model.detach(declared.owner().getEntityName(), declared.property().getName(), table.getName(),
                inverse.getName(), saved(key, name));
    }

    private String saved(Column key, String name) {
        return key.isQuoted() ? database.getDialect().openQuote() + name + database.getDialect().closeQuote() : name;
    }
}
