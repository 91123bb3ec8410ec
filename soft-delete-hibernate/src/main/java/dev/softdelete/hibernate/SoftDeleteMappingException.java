package dev.softdelete.hibernate;

import org.hibernate.boot.MappingException;
import org.hibernate.boot.jaxb.Origin;
import org.hibernate.boot.jaxb.SourceType;

import java.util.List;

/**
 * The bootstrap found mappings that soft delete cannot work with: every problem of one bootstrap at
 * once, one per line, each naming the entity (and attribute), what is wrong and the fix. Thrown while
 * the metadata is built, before any SessionFactory exists; nothing has been written.
 *
 * <pre>{@code
 * try {
 *     sessionFactory = metadataSources.buildMetadata().buildSessionFactory();
 * } catch (SoftDeleteMappingException e) {
 *     e.problems().forEach(log::error);   // "com.acme.Order#deletedAt: type String is not supported; use Instant, ..."
 * }
 * }</pre>
 *
 * (A JPA provider may wrap it, in a {@code PersistenceException} for example: look at the causes.)
 *
 * @since 0.1.0
 */
public class SoftDeleteMappingException extends MappingException {

    private static final Origin ORIGIN = new Origin(SourceType.OTHER, "softdelete");

    private final List<String> problems;

    /**
     * Describes the problems of one bootstrap; built by the library.
     *
     * @param problems one line per problem
     * @since 0.1.0
     */
    public SoftDeleteMappingException(List<String> problems) {
        super(message(problems), ORIGIN);
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems, one per entry, in the order the mapping was read.
     *
     * @return the problems; never empty
     * @since 0.1.0
     */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        StringBuilder message = new StringBuilder("softdelete found ").append(problems.size())
                .append(problems.size() == 1 ? " mapping problem:" : " mapping problems:");
        problems.forEach(problem -> message.append("\n - ").append(problem));
        return message.toString();
    }
}
