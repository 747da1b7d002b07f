package app.premia.compensation.domain.regulations;

import app.premia.compensation.domain.Text;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form a published version is stored in ({@link RegulationsDocument#stored()}), and back:
 *
 * <pre>{@code
 * {"title": {"ru": …, "en": …}, "company": {"name": …, "inn": …, "orderNumber": …,
 *  "orderDate": "2026-02-20", "city": …, "approverTitle": …, "approverName": …},
 *  "number": 2, "effectiveFrom": "2026-03-01",
 *  "sections": [{"key": "general", "number": 1, "title": {…}, "tenantWritten": false,
 *    "blocks": [{"type": "CLAUSE", "text": {…}}, {"type": "ITEMS", "items": [{…}]},
 *      {"type": "FORMULA", "text": {…}}, {"type": "EXAMPLE", "caption": {…}, "steps": [{…}],
 *       "result": {…}}, {"type": "MARKDOWN", "ru": …, "en": …}]}]}
 * }</pre>
 *
 * Absent optional fields are left out. The worked examples' inputs are not stored: {@link
 * #fromJson} gives a document without {@code examples}.
 */
public final class RegulationsCodec {

  private RegulationsCodec() {}

  /** The document's stored form (its {@code examples} are left out). */
  public static String toJson(RegulationsDocument document) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    o.add("title", text(document.title()));
    o.add("company", company(document.company()));
    o.add("number", document.number());
    o.add("effectiveFrom", document.effectiveFrom().toString());
    JsonArrayBuilder sections = Json.createArrayBuilder();
    for (DocSection s : document.sections()) {
      JsonArrayBuilder blocks = Json.createArrayBuilder();
      s.blocks().forEach(b -> blocks.add(block(b)));
      sections.add(
          Json.createObjectBuilder()
              .add("key", s.key())
              .add("number", s.number())
              .add("title", text(s.title()))
              .add("tenantWritten", s.tenantWritten())
              .add("blocks", blocks));
    }
    o.add("sections", sections);
    return o.build().toString();
  }

  /**
   * Reads a stored document.
   *
   * @throws IllegalArgumentException when the JSON is not a stored document
   */
  public static RegulationsDocument fromJson(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      List<DocSection> sections = new ArrayList<>();
      for (JsonValue v : o.getJsonArray("sections")) {
        JsonObject s = v.asJsonObject();
        List<DocBlock> blocks = new ArrayList<>();
        for (JsonValue b : s.getJsonArray("blocks")) {
          blocks.add(block(b.asJsonObject()));
        }
        sections.add(
            new DocSection(
                s.getString("key"),
                s.getInt("number"),
                text(s.getJsonObject("title")),
                blocks,
                s.getBoolean("tenantWritten", false)));
      }
      return new RegulationsDocument(
          text(o.getJsonObject("title")),
          company(o.getJsonObject("company")),
          o.getInt("number"),
          LocalDate.parse(o.getString("effectiveFrom")),
          sections,
          List.of());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a stored regulations document: " + e.getMessage(), e);
    }
  }

  private static JsonObjectBuilder block(DocBlock b) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    if (b instanceof DocBlock.Clause c) {
      o.add("type", "CLAUSE").add("text", text(c.text()));
    } else if (b instanceof DocBlock.Items i) {
      o.add("type", "ITEMS").add("items", texts(i.items()));
    } else if (b instanceof DocBlock.Formula f) {
      o.add("type", "FORMULA").add("text", text(f.text()));
    } else if (b instanceof DocBlock.Example e) {
      o.add("type", "EXAMPLE")
          .add("caption", text(e.caption()))
          .add("steps", texts(e.steps()))
          .add("result", text(e.result()));
    } else if (b instanceof DocBlock.Markdown m) {
      o.add("type", "MARKDOWN").add("ru", m.ru());
      if (m.en() != null) {
        o.add("en", m.en());
      }
    }
    return o;
  }

  private static DocBlock block(JsonObject o) {
    String type = o.getString("type");
    return switch (type) {
      case "CLAUSE" -> new DocBlock.Clause(text(o.getJsonObject("text")));
      case "ITEMS" -> new DocBlock.Items(texts(o.getJsonArray("items")));
      case "FORMULA" -> new DocBlock.Formula(text(o.getJsonObject("text")));
      case "EXAMPLE" ->
          new DocBlock.Example(
              text(o.getJsonObject("caption")),
              texts(o.getJsonArray("steps")),
              text(o.getJsonObject("result")));
      case "MARKDOWN" -> new DocBlock.Markdown(o.getString("ru"), string(o, "en"));
      default -> throw new IllegalArgumentException("unknown block type " + type);
    };
  }

  private static JsonObjectBuilder text(Text t) {
    return Json.createObjectBuilder().add("ru", t.ru()).add("en", t.en());
  }

  private static Text text(JsonObject o) {
    return new Text(o.getString("ru"), o.getString("en"));
  }

  private static JsonArrayBuilder texts(List<Text> ts) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    ts.forEach(t -> a.add(text(t)));
    return a;
  }

  private static List<Text> texts(JsonArray a) {
    List<Text> out = new ArrayList<>();
    for (JsonValue v : a) {
      out.add(text(v.asJsonObject()));
    }
    return out;
  }

  private static JsonObjectBuilder company(CompanyDetails c) {
    JsonObjectBuilder o = Json.createObjectBuilder().add("name", c.name());
    put(o, "inn", c.inn());
    put(o, "orderNumber", c.orderNumber());
    put(o, "orderDate", c.orderDate() == null ? null : c.orderDate().toString());
    put(o, "city", c.city());
    put(o, "approverTitle", c.approverTitle());
    put(o, "approverName", c.approverName());
    return o;
  }

  private static CompanyDetails company(JsonObject o) {
    String orderDate = string(o, "orderDate");
    return new CompanyDetails(
        o.getString("name"),
        string(o, "inn"),
        string(o, "orderNumber"),
        orderDate == null ? null : LocalDate.parse(orderDate),
        string(o, "city"),
        string(o, "approverTitle"),
        string(o, "approverName"));
  }

  private static void put(JsonObjectBuilder o, String name, String value) {
    if (value != null) {
      o.add(name, value);
    }
  }

  private static String string(JsonObject o, String name) {
    return o.containsKey(name) && !o.isNull(name) ? o.getString(name) : null;
  }
}
