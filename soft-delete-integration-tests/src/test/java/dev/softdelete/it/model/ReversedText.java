package dev.softdelete.it.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a string reversed: a stand-in for an encrypting converter, whose stored form differs from the value. */
@Converter
public class ReversedText implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String value) {
        return value == null ? null : new StringBuilder(value).reverse().toString();
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return convertToDatabaseColumn(stored);
    }
}
