package dev.softdelete.spring.internal.data;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The implementation of {@link SoftDeleteRepository} that Spring Data adds to every repository
 * declaring it (registered in {@code META-INF/spring.factories}), on {@link SoftDeleteTemplate}'s scopes
 * and transaction-bound session. The entity type comes from the
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
        SoftDeleteTemplate template = template();
        return template.onlyDeleted(() -> all(template, Pageable.unpaged()));
    }

    @Override
    public Page<T> findAllDeleted(Pageable pageable) {
        SoftDeleteTemplate template = template();
        return template.onlyDeleted(() -> {
            List<T> rows = all(template, pageable);
            return new PageImpl<>(rows, pageable, pageable.isUnpaged() ? rows.size() : count(template));
        });
    }

    @Override
    public List<T> findAllIncludingDeleted() {
        SoftDeleteTemplate template = template();
        return template.unfiltered(() -> all(template, Pageable.unpaged()));
    }

    @Override
    public Optional<T> findByIdIncludingDeleted(ID id) {
        SoftDeleteTemplate template = template();
        Class<T> type = domainType();
        return template.unfiltered(() -> template.inSession(session -> Optional.ofNullable(session.find(type, id))));
    }

    @Override
    public long countDeleted() {
        SoftDeleteTemplate template = template();
        return template.onlyDeleted(() -> count(template));
    }

    @Override
    public boolean restoreById(ID id) {
        return template().restore(domainType(), id);
    }

    @Override
    public int restoreAllById(Iterable<? extends ID> ids) {
        List<ID> list = new ArrayList<>();
        ids.forEach(list::add);
        return template().restoreAll(domainType(), list);
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

    /** The rows the session's scope shows, one page of them when {@code pageable} is paged. */
    private List<T> all(SoftDeleteTemplate template, Pageable pageable) {
        Class<T> type = domainType();
        return template.inSession(session -> {
            CriteriaBuilder builder = session.getCriteriaBuilder();
            CriteriaQuery<T> query = builder.createQuery(type);
            Root<T> root = query.from(type);
            query.select(root);
            if (pageable.getSort().isSorted()) {
                query.orderBy(QueryUtils.toOrders(pageable.getSort(), root, builder));
            }
            var select = session.createQuery(query);
            if (pageable.isPaged()) {
                select.setFirstResult(Math.toIntExact(pageable.getOffset())).setMaxResults(pageable.getPageSize());
            }
            return select.getResultList();
        });
    }

    private long count(SoftDeleteTemplate template) {
        Class<T> type = domainType();
        return template.inSession(session -> {
            CriteriaBuilder builder = session.getCriteriaBuilder();
            CriteriaQuery<Long> query = builder.createQuery(Long.class);
            query.select(builder.count(query.from(type)));
            return session.createQuery(query).getSingleResult();
        });
    }
}
