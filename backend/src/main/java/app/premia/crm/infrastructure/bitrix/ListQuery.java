package app.premia.crm.infrastructure.bitrix;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What to list and how the method shapes its answer.
 *
 * @param params method parameters besides paging: {@code filter}, {@code select}, {@code
 *     entityTypeId}, top-level filters of {@code department.get}, ...
 * @param idField the numeric identifier to order and continue by ({@code ID}; {@code id} for {@code
 *     crm.item.list})
 * @param rowsPath where the rows are inside {@code result}: null for {@code result: [...]}, {@code
 *     items} for {@code crm.item.list} and {@code crm.stagehistory.list}, {@code categories} for
 *     {@code crm.category.list}
 * @param startParam the paging parameter ({@code start}; {@code START} for {@code department.get})
 * @param expectedTotal how many rows the caller expects (from a count or the previous run), to size
 *     chained batches; null when unknown
 * @param maxChain the most sub-commands one chained batch may hold (1..50)
 */
public record ListQuery(
    JsonObject params,
    String idField,
    String rowsPath,
    String startParam,
    Integer expectedTotal,
    int maxChain) {

  /** Rows per page of every classic list method; fixed by Bitrix24. */
  public static final int PAGE_SIZE = 50;

  /** Commands per batch; fixed by Bitrix24. */
  public static final int MAX_BATCH = 50;

  public ListQuery {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(idField, "idField");
    Objects.requireNonNull(startParam, "startParam");
    if (maxChain < 1 || maxChain > MAX_BATCH) {
      throw new IllegalArgumentException("maxChain must be 1..50");
    }
  }

  /** A classic list ({@code crm.deal.list}, {@code crm.activity.list}, ...). */
  public static ListQuery classic(JsonObject filter, Collection<String> select) {
    JsonObjectBuilder p = Jsons.PROVIDER.createObjectBuilder();
    if (filter != null) {
      p.add("filter", filter);
    }
    if (select != null && !select.isEmpty()) {
      p.add("select", Jsons.PROVIDER.createArrayBuilder(select));
    }
    return new ListQuery(p.build(), "ID", null, "start", null, MAX_BATCH);
  }

  /** {@code crm.item.list} for one entity type: camelCase {@code id}, rows under {@code items}. */
  public static ListQuery items(int entityTypeId, JsonObject filter, Collection<String> select) {
    ListQuery q = classic(filter, select).withParam("entityTypeId", entityTypeId);
    return new ListQuery(q.params, "id", "items", "start", null, MAX_BATCH);
  }

  /**
   * {@code crm.stagehistory.list} for one entity type: upper-case {@code ID} under {@code items}.
   */
  public static ListQuery stageHistory(
      int entityTypeId, JsonObject filter, Collection<String> select) {
    ListQuery q = classic(filter, select).withParam("entityTypeId", entityTypeId);
    return new ListQuery(q.params, "ID", "items", "start", null, MAX_BATCH);
  }

  /** A list from raw parameters (dictionaries, {@code user.get}, {@code department.get}). */
  public static ListQuery of(JsonObject params) {
    return new ListQuery(params, "ID", null, "start", null, MAX_BATCH);
  }

  public ListQuery withParam(String name, Object value) {
    JsonObjectBuilder p = Jsons.PROVIDER.createObjectBuilder(params);
    p.add(name, toJson(value));
    return new ListQuery(p.build(), idField, rowsPath, startParam, expectedTotal, maxChain);
  }

  public ListQuery withRowsPath(String rowsPath) {
    return new ListQuery(params, idField, rowsPath, startParam, expectedTotal, maxChain);
  }

  public ListQuery withIdField(String idField) {
    return new ListQuery(params, idField, rowsPath, startParam, expectedTotal, maxChain);
  }

  public ListQuery withStartParam(String startParam) {
    return new ListQuery(params, idField, rowsPath, startParam, expectedTotal, maxChain);
  }

  public ListQuery withExpectedTotal(Integer expectedTotal) {
    return new ListQuery(params, idField, rowsPath, startParam, expectedTotal, maxChain);
  }

  public ListQuery withMaxChain(int maxChain) {
    return new ListQuery(params, idField, rowsPath, startParam, expectedTotal, maxChain);
  }

  /** The rows inside a {@code result}; an unexpected shape gives an empty list. */
  public List<JsonObject> rowsOf(JsonValue result) {
    JsonValue v = result;
    if (rowsPath != null) {
      v = result instanceof JsonObject o ? o.get(rowsPath) : null;
    }
    List<JsonObject> rows = new ArrayList<>();
    if (v instanceof JsonArray a) {
      for (JsonValue row : a) {
        if (row instanceof JsonObject o) {
          rows.add(o);
        } else {
          rows.add(Jsons.PROVIDER.createObjectBuilder().add("__raw", row).build());
        }
      }
    } else if (v instanceof JsonObject o) {
      // PHP may serialise a list with gaps as an object keyed by position
      for (JsonValue row : o.values()) {
        if (row instanceof JsonObject r) {
          rows.add(r);
        }
      }
    }
    return rows;
  }

  /** The row path of a reference to row {@code index} of command {@code key}. */
  String referenceToRow(String key, int index) {
    return rowsPath == null
        ? QueryString.ref(key, index, idField)
        : QueryString.ref(key, rowsPath, index, idField);
  }

  /**
   * Parameters of one fast-mode page: the caller's filter plus {@code >id} after {@code after} (a
   * number or a batch reference), {@code order {id: ASC}}, {@code start = -1}.
   */
  JsonObject fastPage(JsonValue after) {
    JsonObjectBuilder p = Jsons.PROVIDER.createObjectBuilder(params);
    JsonObjectBuilder filter = Jsons.PROVIDER.createObjectBuilder();
    if (params.get("filter") instanceof JsonObject f) {
      f.forEach((k, v) -> filter.add(k, v)); // the caller's own ">ID" is replaced below
    }
    filter.add(">" + idField, after);
    p.add("filter", filter);
    p.add("order", Jsons.PROVIDER.createObjectBuilder().add(idField, "ASC"));
    p.add(startParam, -1);
    return p.build();
  }

  /** Parameters of one offset page. */
  JsonObject offsetPage(int start) {
    return Jsons.PROVIDER.createObjectBuilder(params).add(startParam, start).build();
  }

  static JsonValue toJson(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof JsonValue j) {
      return j;
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer i) {
      return Jsons.PROVIDER.createValue(i);
    }
    if (value instanceof Long l) {
      return Jsons.PROVIDER.createValue(l);
    }
    if (value instanceof Number n) {
      return Jsons.PROVIDER.createValue(new java.math.BigDecimal(n.toString()));
    }
    if (value instanceof Collection<?> c) {
      var a = Jsons.PROVIDER.createArrayBuilder();
      c.forEach(x -> a.add(toJson(x)));
      return a.build();
    }
    return Jsons.PROVIDER.createValue(value.toString());
  }
}
