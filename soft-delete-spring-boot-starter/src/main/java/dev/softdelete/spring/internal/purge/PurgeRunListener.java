package dev.softdelete.spring.internal.purge;

import dev.softdelete.hibernate.PurgeBatch;
import dev.softdelete.hibernate.PurgeReport;

/** What the scheduled purge tells its observers (metrics), on the purge's thread. */
public interface PurgeRunListener {

    void batchDone(PurgeBatch batch);

    void finished(PurgeReport report);

    /** A run that stopped; {@code committed} says what its batches committed before it did. */
    void failed(RuntimeException failure, PurgeReport committed);
}
