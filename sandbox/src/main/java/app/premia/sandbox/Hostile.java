package app.premia.sandbox;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Malformed deal rows served by crm.deal.list/get when {@link Faults#hostileRows()} is set. Each
 * hostile row copies a real deal (its filterable "shadow") with one corruption; IDs start above
 * {@link PortalData#HOSTILE_BASE}. Deterministic: row k copies deal (k * 7919 mod n) + 1 and gets
 * corruption k mod 8.
 */
final class Hostile {
  private Hostile() {}

  static final String[] KINDS = {
    "missing STAGE_ID",
    "OPPORTUNITY \"1 000,50\"",
    "OPPORTUNITY object",
    "ID non-numeric",
    "unknown STAGE_ID C9:NOPE",
    "TITLE of 200000 characters",
    "DATE_MODIFY \"yesterday\"",
    "ASSIGNED_BY_ID array"
  };

  static synchronized void install(Portal p, int n) {
    Table deals = p.data.deals;
    deals.rows.tailMap(PortalData.HOSTILE_BASE, true).clear();
    Long maxReal = deals.rows.isEmpty() ? null : deals.rows.lastKey();
    if (n <= 0 || maxReal == null) {
      return;
    }
    Schema s = Schema.DEAL;
    List<Long> realIds = List.copyOf(deals.rows.keySet());
    String longTitle = "Ж".repeat(200_000);
    for (int k = 0; k < n; k++) {
      long id = PortalData.HOSTILE_BASE + k + 1;
      Row src = deals.rows.get(realIds.get((int) ((k * 7919L) % realIds.size())));
      Object[] v = Arrays.copyOf(src.v, src.v.length);
      v[0] = Long.toString(id);
      Map<String, Object> served = new LinkedHashMap<>(new Row(id, v).toMap(s));
      String corrupt;
      switch (k % 8) {
        case 0 -> {
          served.remove("STAGE_ID");
          corrupt = "STAGE_SEMANTIC_ID";
        }
        case 1 -> {
          served.put("OPPORTUNITY", "1 000,50");
          corrupt = "OPPORTUNITY";
        }
        case 2 -> {
          served.put("OPPORTUNITY", Json.map("value", "1000.50", "currency", "RUB"));
          corrupt = "OPPORTUNITY";
        }
        case 3 -> {
          served.put("ID", "X" + id);
          corrupt = "ID";
        }
        case 4 -> {
          served.put("STAGE_ID", "C9:NOPE");
          corrupt = "STAGE_ID";
        }
        case 5 -> {
          served.put("TITLE", longTitle);
          corrupt = "TITLE";
        }
        case 6 -> {
          served.put("DATE_MODIFY", "yesterday");
          corrupt = "DATE_MODIFY";
        }
        default -> {
          served.put("ASSIGNED_BY_ID", List.of("1", "2"));
          corrupt = "ASSIGNED_BY_ID";
        }
      }
      served.put("__corrupt", corrupt);
      deals.rows.put(id, new Row(id, v, served));
    }
  }
}
