package app.premia.platform.graphql;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads GraphQL-over-HTTP request bodies and writes results, with JSON-P. Kept by hand rather than
 * bound with JSON-B so that every malformed body gets a precise 400 and numbers keep their exact
 * value.
 */
public final class GraphQlJson {

  /** Largest request body accepted, in characters. */
  public static final int MAX_BODY_CHARS = 256 * 1024;

  private GraphQlJson() {}

  /**
   * Parses a POST body {@code {"query": ..., "operationName": ..., "variables": {...}}}.
   *
   * @throws GraphQlHttpException (400/413) saying what is wrong with the body
   */
  public static GraphQlRequest parseRequest(String body) {
    if (body == null || body.isBlank()) {
      throw new GraphQlHttpException(400, "The request body is empty: expected a JSON object.");
    }
    if (body.length() > MAX_BODY_CHARS) {
      throw new GraphQlHttpException(413, "The request body is larger than 256 KiB.");
    }
    JsonValue parsed;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      parsed = reader.readValue();
    } catch (JsonParsingException e) {
      throw new GraphQlHttpException(400, "The request body is not valid JSON.");
    } catch (JsonException e) {
      throw new GraphQlHttpException(400, "The request body could not be read as JSON.");
    } catch (RuntimeException e) {
      // e.g. nesting deeper than the parser allows
      throw new GraphQlHttpException(400, "The request body could not be read as JSON.");
    }
    if (!(parsed instanceof JsonObject object)) {
      throw new GraphQlHttpException(400, "The request body must be a JSON object.");
    }
    JsonValue query = object.get("query");
    if (!(query instanceof JsonString queryText) || queryText.getString().isBlank()) {
      throw new GraphQlHttpException(400, "The request has no \"query\" string.");
    }
    JsonValue operationName = object.get("operationName");
    String operation = null;
    if (operationName instanceof JsonString name) {
      operation = name.getString();
    } else if (operationName != null && operationName != JsonValue.NULL) {
      throw new GraphQlHttpException(400, "\"operationName\" must be a string or null.");
    }
    JsonValue variables = object.get("variables");
    Map<String, Object> variableValues = Map.of();
    if (variables instanceof JsonObject variableObject) {
      try {
        variableValues = toMap(variableObject);
      } catch (RuntimeException e) {
        // e.g. a number too long to convert
        throw new GraphQlHttpException(400, "\"variables\" could not be read.");
      }
    } else if (variables != null && variables != JsonValue.NULL) {
      throw new GraphQlHttpException(400, "\"variables\" must be a JSON object or null.");
    }
    return new GraphQlRequest(queryText.getString(), operation, variableValues);
  }

  /** Writes a GraphQL result (maps, lists, strings, numbers, booleans, nulls) as JSON text. */
  public static String write(Map<String, Object> result) {
    return toJson(result).toString();
  }

  private static Map<String, Object> toMap(JsonObject object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.forEach((key, value) -> map.put(key, toJava(value)));
    return map;
  }

  private static Object toJava(JsonValue value) {
    switch (value.getValueType()) {
      case NULL:
        return null;
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      case STRING:
        return ((JsonString) value).getString();
      case NUMBER:
        JsonNumber number = (JsonNumber) value;
        if (number.isIntegral()) {
          BigInteger integer = number.bigIntegerValue();
          return integer.bitLength() < 32
              ? Integer.valueOf(integer.intValue())
              : integer.bitLength() < 64 ? Long.valueOf(integer.longValue()) : integer;
        }
        return number.bigDecimalValue();
      case ARRAY:
        List<Object> list = new ArrayList<>();
        for (JsonValue item : (JsonArray) value) {
          list.add(toJava(item));
        }
        return list;
      case OBJECT:
        return toMap((JsonObject) value);
      default:
        throw new IllegalStateException("unknown JSON value type " + value.getValueType());
    }
  }

  private static JsonValue toJson(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof String text) {
      return Json.createValue(text);
    }
    if (value instanceof Boolean flag) {
      return flag ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return Json.createValue(((Number) value).longValue());
    }
    if (value instanceof BigInteger integer) {
      return Json.createValue(integer);
    }
    if (value instanceof BigDecimal decimal) {
      return Json.createValue(decimal);
    }
    if (value instanceof Number number) {
      return Json.createValue(number.doubleValue());
    }
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder object = Json.createObjectBuilder();
      map.forEach((key, item) -> object.add(String.valueOf(key), toJson(item)));
      return object.build();
    }
    if (value instanceof Iterable<?> items) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      items.forEach(item -> array.add(toJson(item)));
      return array.build();
    }
    if (value instanceof Enum<?> constant) {
      return Json.createValue(constant.name());
    }
    return Json.createValue(value.toString());
  }
}
