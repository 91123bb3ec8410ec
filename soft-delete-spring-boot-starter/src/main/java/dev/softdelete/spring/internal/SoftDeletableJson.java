package dev.softdelete.spring.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.softdelete.SoftDeletable;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/**
 * Keeps {@link SoftDeletable#isDeleted()}, which the interface adds to every entity, out of JSON:
 * it repeats {@code deletedAt}, the entity's own attribute, which stays. An entity that wants the
 * flag in its JSON overrides {@code isDeleted()} with {@code @JsonProperty}: its own annotation wins.
 */
public interface SoftDeletableJson {

    @JsonIgnore
    boolean isDeleted();

    /** The module Spring Boot registers with its {@code JsonMapper}. */
    static JacksonModule module() {
        SimpleModule module = new SimpleModule("softdelete");
        module.setMixInAnnotation(SoftDeletable.class, SoftDeletableJson.class);
        return module;
    }
}
