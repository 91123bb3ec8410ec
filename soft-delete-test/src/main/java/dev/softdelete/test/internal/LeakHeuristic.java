package dev.softdelete.test.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the soft-deletable tables a SELECT reads without the soft-delete predicate. Each
 * {@code from T [as] a} or {@code join T [as] a} must be matched by {@code a.marker is [not] null}
 * (or {@code T.marker ...}, or a bare {@code marker is [not] null} when T has no alias).
 */
public final class LeakHeuristic {

    /** Leading comment by which a scope-aware session marks SQL run inside unfiltered() or onlyDeleted(). */
    public static final String SCOPE_COMMENT = "/* softdelete:unfiltered */";

    private static final Pattern TABLE_REFERENCE = Pattern.compile(
            "\\b(?:from|join)\\s+([`\"\\[\\]\\w.$]+)(?:\\s+(?:as\\s+)?([`\"\\w$]+))?",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NOT_ALIASES = Set.of("where", "join", "inner", "left", "right", "full", "cross",
            "outer", "on", "order", "group", "having", "limit", "offset", "fetch", "union", "except", "intersect",
            "for", "natural", "using", "window", "lateral");

    private final Map<String, String> markerByTable;

    public LeakHeuristic(Map<String, String> markerByTable) {
        this.markerByTable = Map.copyOf(markerByTable);
    }

    /** The soft-deletable tables the SELECT reads without the predicate, in order of appearance. */
    public List<String> unguardedTables(String sql) {
        List<String> leaks = new ArrayList<>();
        if (sql.contains(SCOPE_COMMENT)) {
            return leaks;
        }
        String normalized = sql.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
        Matcher reference = TABLE_REFERENCE.matcher(normalized);
        while (reference.find()) {
            String table = SoftDeleteTables.key(reference.group(1));
            String marker = markerByTable.get(table);
            if (marker == null) {
                continue;
            }
            String alias = reference.group(2);
            if (alias != null && NOT_ALIASES.contains(alias.toLowerCase(Locale.ROOT))) {
                alias = null;
            }
            if (!guarded(normalized, qualifierFor(reference.group(1), alias), marker)) {
                leaks.add(table);
            }
        }
        return leaks;
    }

    private static String qualifierFor(String table, String alias) {
        return alias != null ? alias : table;
    }

    private static boolean guarded(String sql, String qualifier, String marker) {
        String predicate = "\\s+is\\s+(?:not\\s+)?null\\b";
        Pattern qualified = Pattern.compile("(?<![\\w$])" + Pattern.quote(qualifier) + "\\s*\\.\\s*"
                + Pattern.quote(marker) + predicate, Pattern.CASE_INSENSITIVE);
        if (qualified.matcher(sql).find()) {
            return true;
        }
        Pattern bare = Pattern.compile("(?<![\\w$.])" + Pattern.quote(marker) + predicate, Pattern.CASE_INSENSITIVE);
        return bare.matcher(sql).find();
    }
}
