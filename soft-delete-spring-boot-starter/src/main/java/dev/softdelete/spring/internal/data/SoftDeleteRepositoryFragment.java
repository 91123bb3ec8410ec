package dev.softdelete.spring.internal.data;

import dev.softdelete.hibernate.SoftDeleteScope;
import dev.softdelete.hibernate.SoftDeleteSession;
import dev.softdelete.spring.SoftDeleteTemplate;
import dev.softdelete.spring.data.SoftDeleteRepository;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.data.repository.core.RepositoryMethodContext;
import org.springframework.data.repository.core.support.RepositoryMetadataAccess;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The implementation of {@link SoftDeleteRepository} that Spring Data adds to every repository
 * declaring it (registered in {@code META-INF/spring.factories}). The entity type comes from the
 * repository whose method is running, which Spring Data exposes to fragments implementing
 * {@link RepositoryMetadataAccess}.
 */
public class SoftDeleteRepositoryFragment<T, ID> implements SoftDeleteRepository<T, ID>, RepositoryMetadataAccess {

    private final ObjectProvider<SoftDeleteTemplate> templates;

    /** Looks the template up when a method runs: with {@code softdelete.enabled=false} there is none. */
    public SoftDeleteRepositoryFragment(ObjectProvider<SoftDeleteTemplate> templates) {
        this.templates = templates;
    }

    @Override
    public List<T> findAllDeleted() {
        return allIn(SoftDeleteSession::onlyDeleted);
    }

    @Override
    public Page<T> findAllDeleted(Pageable pageable) {
        Class<T> type = domainType();
        return template().inSession(session -> inScope(session, SoftDeleteSession::onlyDeleted, () -> {
            var query = session.createQuery(all(session, type, pageable));
            if (pageable.isUnpaged()) {
                List<T> rows = query.getResultList();
                return new PageImpl<>(rows, pageable, rows.size());
            }
            List<T> rows = query.setFirstResult(Math.toIntExact(pageable.getOffset()))
                    .setMaxResults(pageable.getPageSize()).getResultList();
            return new PageImpl<>(rows, pageable, count(session, type));
        }));
    }

    @Override
    public List<T> findAllIncludingDeleted() {
        return allIn(SoftDeleteSession::unfiltered);
    }

    @Override
    public Optional<T> findByIdIncludingDeleted(ID id) {
        Class<T> type = domainType();
        return template().inSession(session -> inScope(session, SoftDeleteSession::unfiltered,
                () -> Optional.ofNullable(session.find(type, id))));
    }

    @Override
    public long countDeleted() {
        Class<T> type = domainType();
        return template().inSession(session -> inScope(session, SoftDeleteSession::onlyDeleted, () -> count(session, type)));
    }

    @Override
    public boolean restoreById(ID id) {
        return template().restore(domainType(), id);
    }

    @Override
    public boolean hardDeleteById(ID id) {
        return template().hardDelete(domainType(), id);
    }

    private SoftDeleteTemplate template() {
        SoftDeleteTemplate template = templates.getIfAvailable();
        if (template == null) {
            throw new IllegalStateException("softdelete is turned off (softdelete.enabled=false): "
                    + RepositoryMethodContext.getContext().getMetadata().getRepositoryInterface().getName()
                    + " has no trash to show or restore from");
        }
        return template;
    }

    @SuppressWarnings("unchecked") // the repository's declared domain type is T
    private Class<T> domainType() {
        return (Class<T>) RepositoryMethodContext.getContext().getMetadata().getDomainType();
    }

    private List<T> allIn(Function<SoftDeleteSession, SoftDeleteScope> open) {
        Class<T> type = domainType();
        return template().inSession(session -> inScope(session, open,
                () -> session.createQuery(all(session, type, Pageable.unpaged())).getResultList()));
    }

    private static <R> R inScope(SoftDeleteSession session, Function<SoftDeleteSession, SoftDeleteScope> open,
            java.util.function.Supplier<R> work) {
        SoftDeleteScope scope = open.apply(session);
        try {
            return work.get();
        }
        finally {
            scope.close();
        }
    }

    private CriteriaQuery<T> all(SoftDeleteSession session, Class<T> type, Pageable pageable) {
        CriteriaBuilder builder = session.getCriteriaBuilder();
        CriteriaQuery<T> query = builder.createQuery(type);
        Root<T> root = query.from(type);
        query.select(root);
        if (pageable.getSort().isSorted()) {
            query.orderBy(QueryUtils.toOrders(pageable.getSort(), root, builder));
        }
        return query;
    }

    private long count(SoftDeleteSession session, Class<T> type) {
        CriteriaBuilder builder = session.getCriteriaBuilder();
        CriteriaQuery<Long> query = builder.createQuery(Long.class);
        query.select(builder.count(query.from(type)));
        return session.createQuery(query).getSingleResult();
    }
}
