package dev.softdelete.hibernate.internal.impact;

import dev.softdelete.hibernate.Impact;
import dev.softdelete.hibernate.internal.cascade.LevelWalk;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Level;
import dev.softdelete.hibernate.internal.cascade.LevelWalk.Next;
import dev.softdelete.hibernate.internal.jdbc.Binds;
import dev.softdelete.hibernate.internal.model.DenyStep;
import dev.softdelete.hibernate.internal.model.DetachStep;
import dev.softdelete.hibernate.internal.scope.Visibility;
import dev.softdelete.hibernate.internal.service.SoftDeleteService;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.query.SelectionQuery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bulk {@code delete from E e where ...} would mark, read without marking. The walk is the
 * cascade's, written in HQL instead of SQL: the statement's own restriction selects the roots, and each
 * level is {@code select id(c) from Owner o join o.association c where id(o) in (<level above>)}, which
 * the session's default visibility restricts to live rows on both sides, exactly the rows the bulk
 * UPDATE and its cascade mark. The user's parameters bind as in the statement; the SQL of each level
 * nests the one above, so the statement count grows with the depth of the graph only.
 */
public final class BulkDeleteImpact {

    private static final Pattern DELETE = Pattern.compile(
            "\\s*delete\\s+(?:from\\s+)?([\\w.$]+)(?:\\s+(?:as\\s+)?(?!where\\b)(\\w+))?(?:\\s+where\\s+(.*))?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final SessionImplementor session;
    private final SoftDeleteService service;
    private final Map<String, ?> parameters;

    public BulkDeleteImpact(SessionImplementor session, SoftDeleteService service, Map<String, ?> parameters) {
        this.session = session;
        this.service = service;
        this.parameters = Map.copyOf(parameters);
    }

    public Impact preview(String hql) {
        if (Visibility.of(session.getLoadQueryInfluencers()) != Visibility.LIVE) {
            throw new IllegalStateException("softdelete: previewBulkDelete reads with the session's default visibility,"
                    + " as the bulk delete marks live rows only; call it outside unfiltered() and onlyDeleted()");
        }
        Matcher delete = DELETE.matcher(hql);
        if (!delete.matches()) {
            throw new IllegalArgumentException("softdelete: previewBulkDelete needs an HQL bulk delete, 'delete from Entity e"
                    + " where ...', got: " + hql);
        }
        EntityPersister root = rootOf(delete.group(1));
        String alias = delete.group(2) == null ? "sd_root" : delete.group(2);
        String rootIds = "select id(" + alias + ") from " + root.getEntityName() + " " + alias
                + (delete.group(3) == null ? "" : " where " + delete.group(3));
        long roots = count(rootIds);
        if (roots == 0) {
            return new Impact(Impact.Operation.DELETE, List.of(), List.of(), List.of());
        }
        Map<EntityPersister, List<String>> reached = new LinkedHashMap<>();
        Map<EntityPersister, Long> counts = new LinkedHashMap<>();
        reached.put(root, new ArrayList<>(List.of(rootIds)));
        counts.put(root, roots);
        Map<DenyStep, List<String>> denying = new LinkedHashMap<>();
        Map<DetachStep, List<String>> detaching = new LinkedHashMap<>();
        collect(denying, detaching, root, rootIds);
        LevelWalk.walk(null, service, new Level(root, rootIds, new Binds(), Set.of(), 0), (step, parents) -> {
            String ids = "select id(c) from " + step.owner().getEntityName() + " o join o." + step.attribute()
                    + " c where id(o) in (" + parents.ids() + ")";
            long count = count(ids);
            List<String> earlier = reached.get(step.child());
            // rows that lead back to each other (an association that cascades both ways): met again, not walked again
            if (count == 0 || earlier != null && count("select id(r) from " + step.child().getEntityName() + " r where"
                    + " id(r) in (" + ids + ") and not (" + anyOf("id(r)", earlier) + ")") == 0) {
                return null;
            }
            reached.computeIfAbsent(step.child(), type -> new ArrayList<>()).add(ids);
            counts.merge(step.child(), count, Long::sum);
            collect(denying, detaching, step.child(), ids);
            return new Next(ids, new Binds());
        });
        List<Impact.Rows> rows = new ArrayList<>();
        reached.forEach((type, levels) -> rows.add(new Impact.Rows(type.getEntityName(), type.getMappedClass(),
                levels.size() == 1 ? counts.get(type) : count("select id(r) from " + type.getEntityName() + " r where "
                        + anyOf("id(r)", levels)))));
        List<Impact.Refusal> refusals = new ArrayList<>();
        denying.forEach((step, owners) -> {
            long live = associated(step.owner(), step.attribute(), owners);
            if (live > 0) {
                refusals.add(new Impact.Refusal(step.owner().getEntityName(), step.attribute(), step.target(), live));
            }
        });
        List<Impact.Rows> detached = new ArrayList<>();
        detaching.forEach((step, owners) -> {
            long count = associated(step.owner(), step.attribute(), owners);
            if (count > 0) {
                detached.add(new Impact.Rows(step.child().getEntityName(), step.child().getMappedClass(), count));
            }
        });
        return new Impact(Impact.Operation.DELETE, rows, detached, refusals);
    }

    private EntityPersister rootOf(String name) {
        EntityPersister persister;
        try {
            persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(
                    session.getFactory().getJpaMetamodel().entity(name).getHibernateEntityName());
        }
        catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("softdelete: previewBulkDelete: '" + name + "' is not an entity of this"
                    + " SessionFactory", unknown);
        }
        if (service.typeOf(persister.getEntityName()) == null) {
            throw new IllegalArgumentException("softdelete: previewBulkDelete: " + persister.getEntityName()
                    + " is not soft-deletable; annotate its root entity with @dev.softdelete.SoftDelete");
        }
        return persister;
    }

    private void collect(Map<DenyStep, List<String>> denying, Map<DetachStep, List<String>> detaching,
            EntityPersister type, String ids) {
        for (DenyStep step : service.cascadePlans().denyStepsOf(type, false)) {
            denying.computeIfAbsent(step, s -> new ArrayList<>()).add(ids);
        }
        for (DetachStep step : service.cascadePlans().detachStepsOf(type, false)) {
            detaching.computeIfAbsent(step, s -> new ArrayList<>()).add(ids);
        }
    }

    /** The rows an association leads to from the owners the levels select, each counted once. */
    private long associated(EntityPersister owner, String attribute, List<String> owners) {
        return count("select id(c) from " + owner.getEntityName() + " o join o." + attribute + " c where "
                + anyOf("id(o)", owners));
    }

    /** {@code id in (level 1) or id in (level 2) ...}: the rows of any of the levels, each once. */
    private static String anyOf(String id, List<String> levels) {
        StringJoiner any = new StringJoiner(" or ");
        levels.forEach(level -> any.add(id + " in (" + level + ")"));
        return any.toString();
    }

    /** The number of distinct ids an HQL id selection yields, with the statement's parameters. */
    private long count(String ids) {
        int from = ids.toLowerCase(Locale.ROOT).indexOf(" from ");
        String selected = ids.substring("select ".length(), from);
        SelectionQuery<Long> query = session.createSelectionQuery("select count(distinct " + selected + ")"
                + ids.substring(from), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }
}
