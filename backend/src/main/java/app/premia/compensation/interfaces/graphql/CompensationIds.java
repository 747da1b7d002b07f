package app.premia.compensation.interfaces.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Opaque global ids of schemes, versions, assignments and proposals (bound to the tenant) and of
 * library templates and their versions (bound to the consultancy): base64url (no padding) of {@code
 * "<Type>:<owner uuid>:<uuid>"}. An id of another type or owner, or no id at all, decodes to null —
 * and the caller answers NOT_FOUND, exactly as for an id that does not exist.
 */
public final class CompensationIds {

  static final String SCHEME = "CompensationScheme";
  static final String VERSION = "SchemeVersion";
  static final String ASSIGNMENT = "SchemeAssignment";
  static final String PROPOSAL = "SchemeProposal";
  static final String TEMPLATE = "SchemeTemplate";
  static final String TEMPLATE_VERSION = "TemplateVersion";
  public static final String PAYOUT_RUN = "PayoutRun";
  public static final String STATEMENT = "Statement";
  static final String STATEMENT_LINE = "StatementLine";
  static final String INQUIRY = "Inquiry";
  public static final String REGULATIONS_DOCUMENT = "RegulationsDocument";
  static final String REGULATIONS_SECTION = "RegulationsSection";

  private CompensationIds() {}

  public static String encode(String type, UUID owner, UUID id) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((type + ":" + owner + ":" + id).getBytes(StandardCharsets.UTF_8));
  }

  public static UUID decode(String type, UUID owner, Object value) {
    if (!(value instanceof String text) || text.isEmpty() || text.length() > 200) {
      return null;
    }
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    String prefix = type + ":" + owner + ":";
    if (!plain.startsWith(prefix)) {
      return null;
    }
    try {
      return UUID.fromString(plain.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
