package app.premia.crm.infrastructure.bitrix;

import app.premia.sandbox.Portal;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares what the client read with the sandbox's truth rows: ids and a per-row checksum. */
final class Truth {

  static final List<String> FIELDS =
      List.of(
          "ID", "TITLE", "STAGE_ID", "OPPORTUNITY", "CURRENCY_ID", "ASSIGNED_BY_ID", "DATE_MODIFY");

  private Truth() {}

  /** id → checksum of {@link #FIELDS} for the portal's (non-hostile) rows of an entity. */
  static TreeMap<Long, String> of(Portal p, String entity) {
    TreeMap<Long, String> t = new TreeMap<>();
    for (Map<String, Object> row : p.snapshot(entity)) {
      StringBuilder sum = new StringBuilder();
      for (String f : FIELDS) {
        Object v = row.get(f);
        sum.append(v == null ? "∅" : v.toString()).append('|');
      }
      t.put(Long.parseLong(row.get("ID").toString()), sum.toString());
    }
    return t;
  }

  static String checksum(JsonObject row) {
    StringBuilder sum = new StringBuilder();
    for (String f : FIELDS) {
      JsonValue v = row.get(f);
      String s =
          v == null || v.getValueType() == JsonValue.ValueType.NULL
              ? "∅"
              : v instanceof JsonString js ? js.getString() : v.toString();
      sum.append(s).append('|');
    }
    return sum.toString();
  }
}
