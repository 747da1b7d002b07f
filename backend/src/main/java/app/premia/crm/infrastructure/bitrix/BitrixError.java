package app.premia.crm.infrastructure.bitrix;

/**
 * An error the portal reported: its {@code error} code (may be empty) and {@code
 * error_description}. Descriptions are for logs, never for end users.
 */
public record BitrixError(String code, String description) {

  /** The code in upper case, "" when empty or numeric zero. */
  public String normalizedCode() {
    if (code == null || code.isBlank() || code.strip().equals("0")) {
      return "";
    }
    return code.strip().toUpperCase(java.util.Locale.ROOT);
  }

  /** Classic CRM methods say "not found" with an empty code and this description. */
  public boolean isNotFound() {
    return normalizedCode().isEmpty()
        && description != null
        && description.strip().toLowerCase(java.util.Locale.ROOT).startsWith("not found");
  }
}
