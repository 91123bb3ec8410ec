package dev.softdelete.it.leak;

import dev.softdelete.it.support.TestDatabase;
import dev.softdelete.it.support.TestSessionFactory;
import org.hibernate.Version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the leak matrix of one database into {@code docs/leak-matrix.md}, between the markers of its
 * section, leaving the sections of the other databases as the last run on them wrote them.
 */
final class LeakMatrixReport {

    private static final Path FILE = Path.of("..", "docs", "leak-matrix.md");

    private LeakMatrixReport() {
    }

    static void write(TestDatabase database, TestSessionFactory db, Map<String, Map<MatrixScope, String>> table)
            throws IOException {
        if (!Files.isDirectory(FILE.getParent())) {
            return;
        }
        String name = database.name().toLowerCase(Locale.ROOT);
        String begin = "<!-- leak-matrix:" + name + " -->";
        String end = "<!-- /leak-matrix:" + name + " -->";
        StringBuilder section = new StringBuilder(begin).append('\n');
        section.append("### ").append(name).append(" (").append(product(db))
                .append(", Hibernate ").append(Version.getVersionString()).append(")\n\n");
        section.append("| read path |");
        for (MatrixScope scope : MatrixScope.values()) {
            section.append(' ').append(scope.label).append(" |");
        }
        section.append("\n|---|---|---|---|\n");
        table.forEach((path, cells) -> {
            section.append("| ").append(path).append(" |");
            cells.values().forEach(cell -> section.append(' ').append(cell).append(" |"));
            section.append('\n');
        });
        section.append(end);
        String text = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String updated = from >= 0 && to > from
                ? text.substring(0, from) + section + text.substring(to + end.length())
                : text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + "\n" + section + "\n";
        Files.writeString(FILE, updated, StandardCharsets.UTF_8);
    }

    private static String product(TestSessionFactory db) {
        return db.sessionFactory().fromSession(session -> session.doReturningWork(connection ->
                connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion()));
    }
}
