package dev.softdelete.test;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One execution of an SQL statement that reached the JDBC driver. A JDBC batch of three entries is
 * three recorded statements.
 *
 * @param sql   the SQL text as sent to the driver
 * @param kind  its kind; a {@code WITH} statement with a data-modifying part ({@code with d as
 *              (delete from t ... returning ...) select ...}) is of that part's kind
 * @param table the table it writes (insert, update, delete) or first reads (select), lower case and
 *              unquoted, or {@code null} when none could be read
 * @since 0.1.0
 */
public record RecordedStatement(String sql, StatementKind kind, String table) {

    private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*(/\\*.*?\\*/|--[^\\n]*\\n))*\\s*",
            Pattern.DOTALL);
    private static final Pattern UPDATE_TABLE = Pattern.compile("^update\\s+([^\\s(]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DELETE_TABLE = Pattern.compile("^delete\\s+(?:from\\s+)?([^\\s(]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT_TABLE = Pattern.compile("^insert\\s+into\\s+([^\\s(]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MERGE_TABLE = Pattern.compile("^merge\\s+into\\s+([^\\s(]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MERGE_DELETES = Pattern.compile("\\bthen\\s+delete\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MERGE_UPDATES = Pattern.compile("\\bthen\\s+update\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM_TABLE = Pattern.compile("\\sfrom\\s+([^\\s(,]+)", Pattern.CASE_INSENSITIVE);
    // a data-modifying common table expression (PostgreSQL): with x as (delete from t ... returning ...) select ...
    private static final Pattern CTE_DELETE = Pattern.compile("\\bdelete\\s+from\\s+([^\\s(]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CTE_UPDATE = Pattern.compile("\\bupdate\\s+([^\\s(]+)\\s+set\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CTE_INSERT = Pattern.compile("\\binsert\\s+into\\s+([^\\s(]+)", Pattern.CASE_INSENSITIVE);

    /**
     * Classifies an SQL text.
     *
     * @param sql the SQL text
     * @return the recorded statement
     */
    public static RecordedStatement of(String sql) {
        String body = LEADING_COMMENTS.matcher(sql).replaceFirst("");
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.startsWith("update")) {
            return new RecordedStatement(sql, StatementKind.UPDATE, tableOf(UPDATE_TABLE, body));
        }
        if (lower.startsWith("delete")) {
            return new RecordedStatement(sql, StatementKind.DELETE, tableOf(DELETE_TABLE, body));
        }
        if (lower.startsWith("insert")) {
            return new RecordedStatement(sql, StatementKind.INSERT, tableOf(INSERT_TABLE, body));
        }
        if (lower.startsWith("merge")) {
            // what a MERGE can do to existing rows decides: a branch that deletes makes it a DELETE
            StatementKind kind = MERGE_DELETES.matcher(body).find() ? StatementKind.DELETE
                    : MERGE_UPDATES.matcher(body).find() ? StatementKind.UPDATE : StatementKind.INSERT;
            return new RecordedStatement(sql, kind, tableOf(MERGE_TABLE, body));
        }
        if (lower.startsWith("with")) {
            // the statement writes if one of its parts does; a hidden DELETE must count as one
            if (CTE_DELETE.matcher(body).find()) {
                return new RecordedStatement(sql, StatementKind.DELETE, tableOf(CTE_DELETE, body));
            }
            if (CTE_UPDATE.matcher(body).find()) {
                return new RecordedStatement(sql, StatementKind.UPDATE, tableOf(CTE_UPDATE, body));
            }
            if (CTE_INSERT.matcher(body).find()) {
                return new RecordedStatement(sql, StatementKind.INSERT, tableOf(CTE_INSERT, body));
            }
        }
        if (lower.startsWith("select") || lower.startsWith("with") || lower.startsWith("(")) {
            return new RecordedStatement(sql, StatementKind.SELECT, tableOf(FROM_TABLE, body));
        }
        return new RecordedStatement(sql, StatementKind.OTHER, null);
    }

    private static String tableOf(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            return null;
        }
        String name = matcher.group(1).replace("\"", "").replace("`", "");
        int dot = name.lastIndexOf('.');
        return (dot < 0 ? name : name.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }
}
