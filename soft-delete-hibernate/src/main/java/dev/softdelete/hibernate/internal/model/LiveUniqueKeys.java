package dev.softdelete.hibernate.internal.model;

import dev.softdelete.hibernate.SoftDeleteSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live-row unique keys of one SessionFactory, found at bootstrap, and the {@code softdelete.unique}
 * setting; part of a factory's {@link SoftDeleteModel}, so factories never share keys.
 */
public final class LiveUniqueKeys {

    private final boolean liveRows;
    private final List<LiveUniqueKey> keys;
    private final Map<String, List<LiveUniqueKey>> byEntity;

    private LiveUniqueKeys(boolean liveRows, List<LiveUniqueKey> keys, Map<String, List<LiveUniqueKey>> byEntity) {
        this.liveRows = liveRows;
        this.keys = List.copyOf(keys);
        this.byEntity = Map.copyOf(byEntity);
    }

    /**
     * Reads {@code softdelete.unique}: {@code live-rows} (default, true) or {@code all-rows} (false).
     *
     * @throws IllegalArgumentException naming the setting and its values, for anything else
     */
    public static boolean liveRowsSetting(Object value) {
        String text = value == null ? "" : value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "", "live-rows" -> true;
            case "all-rows" -> false;
            default -> throw new IllegalArgumentException("softdelete: setting " + SoftDeleteSettings.UNIQUE
                    + " must be live-rows or all-rows, got '" + value + "'");
        };
    }

    /** Whether the schema tooling should rewrite unique keys (false under {@code all-rows}). */
    public boolean liveRows() {
        return liveRows;
    }

    public List<LiveUniqueKey> all() {
        return keys;
    }

    /** The keys a row of this entity must not share with a live row; empty if none. */
    public List<LiveUniqueKey> of(String entityName) {
        return byEntity.getOrDefault(entityName, List.of());
    }

    /** Collects the keys while a metadata build binds them. */
    public static final class Builder {

        private final boolean liveRows;
        private final List<LiveUniqueKey> keys = new ArrayList<>();
        private final Map<String, List<LiveUniqueKey>> byEntity = new HashMap<>();

        Builder(boolean liveRows) {
            this.liveRows = liveRows;
        }

        public boolean liveRows() {
            return liveRows;
        }

        public void add(LiveUniqueKey key) {
            keys.add(key);
        }

        /** Records the keys of the table holding an entity's marker. */
        public void registerEntity(String entityName, List<LiveUniqueKey> tableKeys) {
            if (!tableKeys.isEmpty()) {
                byEntity.put(entityName, List.copyOf(tableKeys));
            }
        }

        public List<LiveUniqueKey> all() {
            return List.copyOf(keys);
        }

        LiveUniqueKeys build() {
            return new LiveUniqueKeys(liveRows, keys, byEntity);
        }
    }
}
