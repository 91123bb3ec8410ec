package dev.softdelete.hibernate.internal.schema;

import dev.softdelete.hibernate.SoftDeleteSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live-row unique keys of one SessionFactory, found at bootstrap, and the {@code softdelete.unique}
 * setting. Held by the factory's {@code SoftDeleteService}, so factories never share keys.
 */
public final class LiveUniqueKeys {

    private final boolean liveRows;
    private final List<LiveUniqueKey> keys = new CopyOnWriteArrayList<>();
    private final Map<String, List<LiveUniqueKey>> byEntity = new ConcurrentHashMap<>();

    private LiveUniqueKeys(boolean liveRows) {
        this.liveRows = liveRows;
    }

    /** Reads {@code softdelete.unique}: {@code live-rows} (default) or {@code all-rows}. */
    public static LiveUniqueKeys fromSetting(Object value) {
        String text = value == null ? "" : value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "", "live-rows" -> new LiveUniqueKeys(true);
            case "all-rows" -> new LiveUniqueKeys(false);
            default -> throw new IllegalArgumentException("softdelete: setting " + SoftDeleteSettings.UNIQUE
                    + " must be live-rows or all-rows, got '" + value + "'");
        };
    }

    /** The same setting, without keys. */
    public LiveUniqueKeys withSettingOnly() {
        return new LiveUniqueKeys(liveRows);
    }

    /** Adds the keys another instance found (a metadata build's, for one of its factories). */
    public void copyKeysFrom(LiveUniqueKeys other) {
        keys.addAll(other.keys);
        byEntity.putAll(other.byEntity);
    }

    /** Whether the schema tooling should rewrite unique keys (false under {@code all-rows}). */
    public boolean liveRows() {
        return liveRows;
    }

    void clear() {
        keys.clear();
        byEntity.clear();
    }

    void add(LiveUniqueKey key) {
        keys.add(key);
    }

    /** Records the keys of the table holding an entity's marker. */
    void registerEntity(String entityName, List<LiveUniqueKey> tableKeys) {
        if (!tableKeys.isEmpty()) {
            byEntity.put(entityName, List.copyOf(tableKeys));
        }
    }

    public List<LiveUniqueKey> all() {
        return new ArrayList<>(keys);
    }

    /** The keys a row of this entity must not share with a live row; empty if none. */
    public List<LiveUniqueKey> of(String entityName) {
        return byEntity.getOrDefault(entityName, List.of());
    }
}
