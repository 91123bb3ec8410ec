package dev.softdelete.hibernate.internal.compat;

import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Hibernate's own factory behind what the application holds. Containers hand out proxies of it:
 * Spring's {@code EntityManagerFactory} implements {@code SessionFactory} and answers {@code unwrap}.
 */
public final class Factories {

    private Factories() {
    }

    /**
     * @param factory what the application passed
     * @param caller  the API named in the error, e.g. {@code "Purger"}
     * @throws IllegalArgumentException if it is not Hibernate ORM's factory nor unwraps to one
     */
    public static SessionFactoryImplementor implementorOf(SessionFactory factory, String caller) {
        if (factory instanceof SessionFactoryImplementor implementor) {
            return implementor;
        }
        if (factory != null) {
            try {
                return factory.unwrap(SessionFactoryImplementor.class);
            }
            catch (RuntimeException notHibernate) {
                // reported below with the type found
            }
        }
        throw new IllegalArgumentException("softdelete: " + caller + " needs Hibernate ORM's own SessionFactory, got "
                + (factory == null ? "null" : factory.getClass().getName()));
    }
}
