package dev.softdelete.spring.docs;

import dev.softdelete.hibernate.HistoryEntry;

import java.util.List;

/** The application event of the HistoryListener sample: one committed transaction's history. */
record SoftDeleteAudit(List<HistoryEntry> entries) {
}
