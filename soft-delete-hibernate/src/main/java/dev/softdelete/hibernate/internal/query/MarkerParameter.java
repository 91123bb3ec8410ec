package dev.softdelete.hibernate.internal.query;

import dev.softdelete.hibernate.internal.SoftDeleteService;
import dev.softdelete.hibernate.internal.state.MarkerColumns;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.sql.exec.internal.AbstractJdbcParameter;
import org.hibernate.sql.exec.spi.ExecutionContext;
import org.hibernate.sql.exec.spi.JdbcParameterBindings;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A parameter of the UPDATE that a bulk delete becomes, whose value is read from the session when
 * the statement runs: the clock's instant, the actor, or the reason in effect. Reading it at bind
 * time is what lets Hibernate cache the plan of the statement.
 */
final class MarkerParameter extends AbstractJdbcParameter {

    enum Value { INSTANT, ACTOR, REASON }

    private final Value value;
    private final MarkerColumns columns;

    MarkerParameter(BasicValuedModelPart attribute, Value value, MarkerColumns columns) {
        super(attribute.getJdbcMapping());
        this.value = value;
        this.columns = columns;
    }

    @Override
    public void bindParameterValue(PreparedStatement statement, int startPosition,
            JdbcParameterBindings bindings, ExecutionContext executionContext) throws SQLException {
        SharedSessionContractImplementor session = executionContext.getSession();
        SoftDeleteService service = session.getFactory().getServiceRegistry().requireService(SoftDeleteService.class);
        Object domainValue = switch (value) {
            case INSTANT -> columns.markerValue(service.now());
            case ACTOR -> service.currentActor();
            case REASON -> service.stateOf(session).currentReason();
        };
        Object jdbcValue = getJdbcMapping().convertToRelationalValue(domainValue);
        bindParameterValue(getJdbcMapping(), statement, jdbcValue, startPosition, executionContext);
    }
}
