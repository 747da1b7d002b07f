package app.premia.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Maps a nullable {@code uuid} column. EclipseLink 4.0's built-in UUID conversion fails with a
 * NullPointerException on SQL NULL; the PostgreSQL driver reads and writes {@link UUID} natively,
 * so this converter only has to let null through. Use it on every nullable UUID attribute.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, Object> {

  @Override
  public Object convertToDatabaseColumn(UUID attribute) {
    return attribute;
  }

  @Override
  public UUID convertToEntityAttribute(Object column) {
    if (column == null) {
      return null;
    }
    return column instanceof UUID uuid ? uuid : UUID.fromString(column.toString());
  }
}
