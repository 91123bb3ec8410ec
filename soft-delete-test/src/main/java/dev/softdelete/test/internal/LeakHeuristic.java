package dev.softdelete.test.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the soft-deletable tables a SELECT reads without the soft-delete predicate. Each
 * {@code from T [as] a} or {@code join T [as] a} must be matched by {@code a.marker is [not] null} or a
 * comparison of the marker with a parameter ({@code a.marker = ?}, {@code < ?}, ...), or {@code T.marker ...},
 * or a bare {@code marker ...} when T has no alias. A join whose
 * ON clause starts with T's id equal to another column is a to-one followed by its key (a fetch
 * join): it loads the referenced row whatever its state, by design, and is no leak.
 */
public final class LeakHeuristic {

    /** Leading comment by which a scope-aware session marks SQL run inside unfiltered() or onlyDeleted(). */
    public static final String SCOPE_COMMENT = "/* softdelete:unfiltered */";

    /**
     * Leading comment of the library's own reads (ids, counts, markers for its cascades, restores and erases):
     * they never hand soft-deletable rows to the application as entities, and some read deleted rows on purpose.
     */
    static final String LIBRARY_READ_COMMENT = "/* softdelete */";

    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "\\b(?:from|join)\\s+([`\"\\[\\]\\w.$]+)(?:\\s+(?:as\\s+)?([`\"\\w$]+))?",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_ALIASES = Set.of("where", "join", "inner", "left", "right", "full", "cross",
            "outer", "on", "order", "group", "having", "limit", "offset", "fetch", "union", "except", "intersect",
            "for", "natural", "using", "window", "lateral");

    private final Map<String, String> markerByTable;
    private final Map<String, String> idByTable;
    private final Set<String> linkTables;

    /**
     * @param markerByTable soft-deletable table to marker column
     * @param idByTable     soft-deletable table to id column
     * @param linkTables    join tables of many-to-many collections: a join from one of them to its
     *                      element's key reads a collection, which must carry the predicate
     */
    public LeakHeuristic(Map<String, String> markerByTable, Map<String, String> idByTable, Set<String> linkTables) {
        this.markerByTable = Map.copyOf(markerByTable);
        this.idByTable = Map.copyOf(idByTable);
        this.linkTables = Set.copyOf(linkTables);
    }

    /** The soft-deletable tables the SELECT reads without the predicate, in order of appearance. */
    public List<String> unguardedTables(String sql) {
        List<String> leaks = new ArrayList<>();
        if (sql.contains(SCOPE_COMMENT) || sql.contains(LIBRARY_READ_COMMENT)) {
            return leaks;
        }
        String normalized = sql.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
        List<MatchResult> references = TABLE_REFERENCE.matcher(normalized).results().toList();
        Map<String, String> tableByQualifier = new HashMap<>();
        for (MatchResult reference : references) {
            tableByQualifier.put(qualifierFor(reference.group(1), aliasOf(reference)).toLowerCase(Locale.ROOT),
                    SoftDeleteTables.key(reference.group(1)));
        }
        for (MatchResult reference : references) {
            String table = SoftDeleteTables.key(reference.group(1));
            String marker = markerByTable.get(table);
            if (marker == null) {
                continue;
            }
            String alias = aliasOf(reference);
            String qualifier = qualifierFor(reference.group(1), alias);
            boolean toOneByKey = reference.group(0).regionMatches(true, 0, "join", 0, 4)
                    && joinsOnItsKey(normalized.substring(reference.end()), qualifier, idByTable.get(table),
                    tableByQualifier);
            if (!toOneByKey && !guarded(normalized, qualifier, marker)) {
                leaks.add(table);
            }
        }
        return leaks;
    }

    /**
     * Whether the text after a join's table reference is {@code on q.id = x.y} or {@code on x.y = q.id},
     * with {@code x} not a many-to-many join table and {@code y} not {@code x}'s own id.
     */
    private boolean joinsOnItsKey(String rest, String qualifier, String idColumn, Map<String, String> tableByQualifier) {
        if (idColumn == null) {
            return false;
        }
        String key = Pattern.quote(qualifier) + "\\s*\\.\\s*" + Pattern.quote(idColumn) + "(?![\\w$])";
        String column = "([\\w$]+)\\s*\\.\\s*([\\w$]+)";
        Matcher on = Pattern.compile("^\\s+on\\s+\\(?\\s*(?:" + key + "\\s*=\\s*" + column + "|" + column
                + "\\s*=\\s*" + key + ")", Pattern.CASE_INSENSITIVE).matcher(rest);
        if (!on.find()) {
            return false;
        }
        String owner = (on.group(1) != null ? on.group(1) : on.group(3)).toLowerCase(Locale.ROOT);
        String ownerColumn = (on.group(1) != null ? on.group(2) : on.group(4)).toLowerCase(Locale.ROOT);
        String ownerTable = tableByQualifier.getOrDefault(owner, "");
        // a to-one's key column: not a many-to-many join table's, and not the owner's own id (a join of ids
        // is not a reference to follow)
        return !linkTables.contains(ownerTable) && !ownerColumn.equalsIgnoreCase(idByTable.getOrDefault(ownerTable, ""));
    }

    /** The alias a table reference gives, or null (a keyword that follows the table is none). */
    private static String aliasOf(MatchResult reference) {
        String alias = reference.group(2);
        return alias == null || NOT_ALIASES.contains(alias.toLowerCase(Locale.ROOT)) ? null : alias;
    }

    private static String qualifierFor(String table, String alias) {
        return alias != null ? alias : table;
    }

    private static boolean guarded(String sql, String qualifier, String marker) {
        // is [not] null, or a comparison with a bound value: a statement that asks for the rows deleted at,
        // before or since an instant (the library's own cascade and purge statements do) chooses deleted rows
        String predicate = "(?:\\s+is\\s+(?:not\\s+)?null\\b|\\s*(?:=|<=|>=|<|>)\\s*\\?)";
        Pattern qualified = Pattern.compile("(?<![\\w$])" + Pattern.quote(qualifier) + "\\s*\\.\\s*"
                + Pattern.quote(marker) + predicate, Pattern.CASE_INSENSITIVE);
        if (qualified.matcher(sql).find()) {
            return true;
        }
        Pattern bare = Pattern.compile("(?<![\\w$.])" + Pattern.quote(marker) + predicate, Pattern.CASE_INSENSITIVE);
        return bare.matcher(sql).find();
    }
}
