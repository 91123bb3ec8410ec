package dev.softdelete.hibernate.internal.jdbc;

import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.ModelPart;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter values of one statement, in order, already broken down to JDBC values by the
 * mapping model, so that converters and composite values bind as Hibernate binds them.
 */
public final class Binds {

    /** One JDBC parameter. */
    record Bind(JdbcMapping mapping, Object value) {
    }

    private final List<Bind> values = new ArrayList<>();

    /** Adds the JDBC values of a domain value of the given model part. */
    public Binds add(ModelPart part, Object domainValue, SharedSessionContractImplementor session) {
        part.breakDownJdbcValues(domainValue,
                (index, jdbcValue, selectable) -> values.add(new Bind(selectable.getJdbcMapping(), jdbcValue)), session);
        return this;
    }

    /** Adds one JDBC value of a column that no attribute maps (the delete operation id). */
    public Binds add(JdbcMapping mapping, Object jdbcValue) {
        values.add(new Bind(mapping, jdbcValue));
        return this;
    }

    /** Appends the parameters of another statement fragment. */
    public Binds addAll(Binds other) {
        values.addAll(other.values);
        return this;
    }

    List<Bind> values() {
        return values;
    }
}
