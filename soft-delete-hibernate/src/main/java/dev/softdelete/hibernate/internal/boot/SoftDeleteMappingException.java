package dev.softdelete.hibernate.internal.boot;

import org.hibernate.boot.MappingException;
import org.hibernate.boot.jaxb.Origin;
import org.hibernate.boot.jaxb.SourceType;

import java.util.List;

/**
 * Every soft-delete mapping problem of one bootstrap, one per line, each naming
 * {@code Entity#attribute}, what is wrong and the fix.
 */
public final class SoftDeleteMappingException extends MappingException {

    private static final Origin ORIGIN = new Origin(SourceType.OTHER, "softdelete");

    private final List<String> problems;

    SoftDeleteMappingException(List<String> problems) {
        super(message(problems), ORIGIN);
        this.problems = List.copyOf(problems);
    }

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
