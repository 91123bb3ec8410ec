package dev.softdelete.hibernate.internal.compat;

import org.hibernate.event.spi.EventSource;

/** What the library adds to Hibernate's own flush and auto-flush listeners (see {@link StandardListeners}). */
public interface FlushHooks {

    /** Before a flush or an auto-flush starts, while the persistence context is untouched. */
    void beforeFlush(EventSource session);

    /** After a flush or an auto-flush has executed its statements (an auto-flush may have executed none). */
    void afterFlush(EventSource session);

    /** Around Hibernate's pre-flush checks: run {@code hibernatePreFlush} exactly once. */
    void aroundPreFlush(EventSource session, Runnable hibernatePreFlush);
}
