package dev.softdelete.hibernate.internal.model;

import dev.softdelete.hibernate.SoftDeleteSettings;

import java.util.Locale;

/** The value of {@link SoftDeleteSettings#CASCADE_TO_HARD_ENTITY}. */
public enum HardEntityCascade {
    FAIL, HARD_DELETE, IGNORE;

    public static HardEntityCascade parse(Object value) {
        if (value == null) {
            return FAIL;
        }
        return switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
            case "fail" -> FAIL;
            case "hard-delete" -> HARD_DELETE;
            case "ignore" -> IGNORE;
            default -> throw new IllegalArgumentException("softdelete: setting " + SoftDeleteSettings.CASCADE_TO_HARD_ENTITY
                    + " must be fail, hard-delete or ignore, got '" + value + "'");
        };
    }
}
