package app.premia.kpi.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The global id of a portal user exactly as the KPI API gives it ({@code Employee.id}), for other
 * contexts that show employees and want the UI to link them to their KPI card: base64url (no
 * padding) of {@code "Employee:<tenant uuid>:<Bitrix24 user id>"}, bound to the tenant.
 */
public final class EmployeeIds {

  private EmployeeIds() {}

  public static String encode(UUID tenant, long employeeId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("Employee:" + tenant + ":" + employeeId).getBytes(StandardCharsets.UTF_8));
  }

  /** The Bitrix24 user id in an employee id of this tenant; null for anything else. */
  public static Long decode(UUID tenant, Object value) {
    if (!(value instanceof String text) || text.isEmpty() || text.length() > 200) {
      return null;
    }
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String prefix = "Employee:" + tenant + ":";
    if (!plain.startsWith(prefix)) {
      return null;
    }
    String id = plain.substring(prefix.length());
    return id.matches("[1-9][0-9]{0,17}") ? Long.valueOf(id) : null;
  }
}
