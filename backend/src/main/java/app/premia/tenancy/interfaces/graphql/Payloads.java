package app.premia.tenancy.interfaces.graphql;

import app.premia.platform.errors.BusinessRuleException;
import app.premia.platform.errors.UserError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds mutation payloads: the result under its field name, or the business errors as data. */
final class Payloads {

  private Payloads() {}

  static Map<String, Object> of(String field, Supplier<Object> work) {
    Map<String, Object> payload = new LinkedHashMap<>();
    try {
      payload.put(field, work.get());
      payload.put("errors", List.of());
    } catch (BusinessRuleException e) {
      payload.put(field, null);
      payload.put("errors", e.errors());
    }
    return payload;
  }

  static Map<String, Object> ofErrors(List<UserError> errors) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("errors", errors);
    return payload;
  }

  /** A GraphQL ID as a UUID; empty when it is not one (and so refers to nothing). */
  static Optional<UUID> id(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(value.toString()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
