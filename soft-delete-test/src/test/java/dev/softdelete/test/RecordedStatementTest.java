package dev.softdelete.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecordedStatementTest {

    @Test
    void plainStatementsAreClassifiedByTheirFirstWord() {
        assertThat(RecordedStatement.of("delete from app.customer where id = ?"))
                .extracting(RecordedStatement::kind, RecordedStatement::table)
                .containsExactly(StatementKind.DELETE, "customer");
        assertThat(RecordedStatement.of("/* comment */ update customer set deleted_at = ? where id = ?"))
                .extracting(RecordedStatement::kind, RecordedStatement::table)
                .containsExactly(StatementKind.UPDATE, "customer");
    }

    @Test
    void aDeleteHiddenInACommonTableExpressionCountsAsADelete() {
        RecordedStatement statement = RecordedStatement.of("with b as (select id from customer where deleted_at < ?"
                + " order by id limit ?), g as (delete from app.customer where id in (select id from b) returning 1)"
                + " select (select count(*) from g)");

        assertThat(statement.kind()).isEqualTo(StatementKind.DELETE);
        assertThat(statement.table()).isEqualTo("customer");
    }

    @Test
    void aWithStatementThatOnlyReadsIsASelectEvenWhenItLocks() {
        RecordedStatement statement = RecordedStatement.of(
                "with recursive t(id) as (select id from node where parent_id is null) select id from t for update");

        assertThat(statement.kind()).isEqualTo(StatementKind.SELECT);
    }

    @Test
    void anUpdateHiddenInACommonTableExpressionCountsAsAnUpdate() {
        RecordedStatement statement = RecordedStatement.of(
                "with u as (update customer set deleted_at = null where id = ? returning id) select count(*) from u");

        assertThat(statement.kind()).isEqualTo(StatementKind.UPDATE);
        assertThat(statement.table()).isEqualTo("customer");
    }

    @Test
    void aMergeIsClassifiedByWhatItDoesToExistingRowsADeletingBranchFirst() {
        assertThat(RecordedStatement.of("merge into comment using (select comment.id as sd_row from comment join"
                + " (select distinct id as sd_id from post where delete_operation = ?) p on comment.post_id = p.sd_id"
                + " where deleted_at is null) r on (comment.id = r.sd_row) when matched then update set deleted_at = ?"))
                .extracting(RecordedStatement::kind, RecordedStatement::table)
                .containsExactly(StatementKind.UPDATE, "comment");
        assertThat(RecordedStatement.of("MERGE INTO app.customer c USING src s ON (c.id = s.id)"
                + " WHEN MATCHED AND s.gone THEN DELETE WHEN MATCHED THEN UPDATE SET name = s.name"))
                .extracting(RecordedStatement::kind, RecordedStatement::table)
                .containsExactly(StatementKind.DELETE, "customer");
        assertThat(RecordedStatement.of("merge into customer c using src s on (c.id = s.id)"
                + " when not matched then insert (id, name) values (s.id, s.name)").kind())
                .isEqualTo(StatementKind.INSERT);
    }
}
