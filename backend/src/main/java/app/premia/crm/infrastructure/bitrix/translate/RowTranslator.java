package app.premia.crm.infrastructure.bitrix.translate;

import app.premia.crm.domain.QuarantineReason;
import app.premia.crm.domain.Translation;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** The shared frame of every translator: read, or quarantine with the reason and an excerpt. */
abstract class RowTranslator<T> implements Translator<T> {

  private static final int MAX_RAW_ID = 100;

  private final String entity;
  private final String idField;

  RowTranslator(String entity, String idField) {
    this.entity = entity;
    this.idField = idField;
  }

  @Override
  public final String entity() {
    return entity;
  }

  @Override
  public final Translation<T> translate(JsonObject raw) {
    if (raw == null || (raw.size() == 1 && raw.containsKey("__raw"))) {
      return new Translation.Quarantined<>(
          entity, null, QuarantineReason.NOT_A_ROW, "the row is not a JSON object", excerpt(raw));
    }
    List<String> warnings = new ArrayList<>();
    try {
      return new Translation.Accepted<>(entity, read(new RawRow(raw), warnings), warnings);
    } catch (Rejected r) {
      return new Translation.Quarantined<>(
          entity, rawId(raw), r.reason, r.getMessage(), excerpt(raw));
    }
  }

  /** Reads the fact; throws {@link Rejected} through the {@link RawRow} accessors. */
  abstract T read(RawRow row, List<String> warnings);

  private String rawId(JsonObject raw) {
    JsonValue v = raw.get(idField);
    if (v == null) {
      return null;
    }
    String s = v instanceof JsonString js ? js.getString() : v.toString();
    return s.length() > MAX_RAW_ID ? s.substring(0, MAX_RAW_ID) + "…" : s;
  }

  private static String excerpt(JsonValue raw) {
    String s = String.valueOf(raw);
    int max = Translation.Quarantined.MAX_EXCERPT;
    return s.length() > max ? s.substring(0, max - 1) + "…" : s;
  }
}
