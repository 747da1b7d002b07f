package app.premia.kpi.interfaces.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Opaque global ids of employees, departments and plans, bound to the tenant: base64url (no
 * padding) of {@code "<Type>:<tenant uuid>:<id>"}. An id of another type or tenant, or one that is
 * not an id at all, decodes to nothing — and the caller answers NOT_FOUND, exactly as for an id
 * that does not exist.
 */
final class GlobalIds {

  static final String EMPLOYEE = "Employee";
  static final String DEPARTMENT = "Department";
  static final String PLAN = "KpiPlan";

  private GlobalIds() {}

  static String encode(String type, UUID tenant, Object id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((type + ":" + tenant + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The Bitrix24 id in a global id of this type and tenant; empty for anything else. */
  static OptionalLong decode(String type, UUID tenant, Object value) {
    if (!(value instanceof String text) || text.isEmpty() || text.length() > 200) {
      return OptionalLong.empty();
    }
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return OptionalLong.empty();
    }
    String prefix = type + ":" + tenant + ":";
    if (!plain.startsWith(prefix)) {
      return OptionalLong.empty();
    }
    String id = plain.substring(prefix.length());
    if (!id.matches("[1-9][0-9]{0,17}")) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(id));
  }
}
