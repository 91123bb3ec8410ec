package dev.softdelete.spring.docs;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The audit store of the purge job sample: keeps the hard deletes it is told of, and can be down. */
@Component
class AuditLog {

    record HardDelete(Class<?> entity, List<Object> ids, Instant cutoff) {
    }

    private final List<HardDelete> hardDeletes = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    void hardDeleted(Class<?> entity, List<Object> ids, Instant cutoff) {
        if (down) {
            throw new IllegalStateException("the audit store is down");
        }
        hardDeletes.add(new HardDelete(entity, ids, cutoff));
    }

    List<HardDelete> hardDeletes() {
        return hardDeletes;
    }

    void down(boolean down) {
        this.down = down;
    }

    void clear() {
        hardDeletes.clear();
        down = false;
    }
}
